package org.pilotline.mes.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the demo plant's stations and planner share: the options, the MES's API, where the machines' messages go,
 * the line's state, the log, and what this run has learnt (cells stacked per lot, lots quality keeps from going on,
 * material lots made, characteristics people enter by hand). Thread-safe.
 */
final class Shop {

    final SimulatorOptions options;
    final Mes mes;
    final Emitter emitter;
    final LineState line;
    final Consumer<String> log;
    /** lot -> the serials of its cells, as stacked (or read back from its serial blocks) */
    final Map<String, List<String>> cells = new ConcurrentHashMap<>();
    /** lot -> why quality refused its next start (a failed gate, a hold): not work the planner can count on */
    final Map<String, String> blocked = new ConcurrentHashMap<>();
    /** product -> characteristic -> source (EQUIPMENT, MANUAL), from quality's plan in force */
    final Map<String, Map<String, String>> sources = new ConcurrentHashMap<>();
    /** qualifications the line's account asked for */
    final Set<String> granted = ConcurrentHashMap.newKeySet();
    final Materials materials;

    Shop(SimulatorOptions options, Mes mes, Emitter emitter, LineState line, Consumer<String> log) {
        this.options = options;
        this.mes = mes;
        this.emitter = emitter;
        this.line = line;
        this.log = log;
        this.materials = new Materials(mes, emitter);
    }
}
