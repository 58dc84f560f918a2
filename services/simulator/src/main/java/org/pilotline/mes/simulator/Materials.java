package org.pilotline.mes.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The material a lot is made from, made by the machines that make it, from the raw lots ./mes up received in
 * genealogy ({@code services/genealogy/seed/simulator-materials.json}): an electrolyte batch (SYN-01) from the
 * precursors, a cathode mix (MIX-01) from NCM and the batch, a cathode coil (COAT-01) from the mix and aluminium
 * foil, its first half slit into a sub-coil (SLIT-01), an electrolyte film roll (SEFILM-01) from the batch. Each is
 * named after the lot ({@code EB-}, {@code CM-}, {@code COIL-}, {@code COIL-...-S1}, {@code FILM-}) and made once:
 * what genealogy already knows is not made again, and what an operation done by hand did not make is made when
 * the next step needs it. Thread-safe: stations may ask for the same lot's material at once.
 */
final class Materials {

    static final String LI2S = LineGenerator.LI2S, P2S5 = LineGenerator.P2S5, LICL = LineGenerator.LICL,
            NCM = LineGenerator.NCM, ALF = LineGenerator.ALF, LIF = LineGenerator.LIF;

    private final Mes mes;
    private final Emitter emitter;
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    Materials(Mes mes, Emitter emitter) {
        this.mes = mes;
        this.emitter = emitter;
    }

    /** Metres of sub-coil, film and lithium foil a cell of the lot takes: 5 cm per bi-cell of its stack. */
    static double metresPerCell(double sheets) {
        return Math.max(1, sheets) * 0.05;
    }

    /** The length of sub-coil and film a lot needs: its cells, a fifth more, at least 50 m. */
    static double metresFor(int cells, double sheets) {
        return Math.max(50, Math.ceil(cells * metresPerCell(sheets) * 1.2));
    }

    synchronized String electrolyte(String lot) {
        String id = "EB-" + lot;
        if (!known(id)) {
            produce("SYN-01", id, "ELECTROLYTE_POWDER", 10, "kg", List.of(input(LI2S, 4.5, "kg"),
                    input(P2S5, 3.5, "kg"), input(LICL, 2, "kg")), null);
        }
        return id;
    }

    synchronized String cathodeMix(String lot) {
        String id = "CM-" + lot;
        if (!known(id)) {
            String batch = electrolyte(lot);
            produce("MIX-01", id, "CATHODE_MIX", 6, "kg", List.of(input(NCM, 5, "kg"), input(batch, 1, "kg")), null);
        }
        return id;
    }

    synchronized String coil(String lot, double metres) {
        String id = "COIL-" + lot;
        if (!known(id)) {
            String mix = cathodeMix(lot);
            produce("COAT-01", id, "CATHODE_COIL", 2 * metres, "m", List.of(input(mix, 6, "kg"),
                    input(ALF, 2 * metres, "m")), null);
        }
        return id;
    }

    synchronized String subCoil(String lot, double metres) {
        String id = "COIL-" + lot + "-S1";
        if (!known(id)) {
            String coil = coil(lot, metres);
            produce("SLIT-01", id, "CATHODE_SUBCOIL", metres, "m", List.of(input(coil, metres, "m")),
                    Map.of("from", 0, "to", metres, "unit", "m"));
        }
        return id;
    }

    synchronized String film(String lot, double metres) {
        String id = "FILM-" + lot;
        if (!known(id)) {
            String batch = electrolyte(lot);
            produce("SEFILM-01", id, "SE_FILM", metres, "m", List.of(input(batch, 2, "kg")), null);
        }
        return id;
    }

    /** Made by this run, or known to genealogy (made before a restart, or received). */
    private boolean known(String id) {
        return made.contains(id) || mes.get("/api/genealogy/material-lots/" + id).ok();
    }

    private void produce(String machine, String id, String type, double quantity, String unit,
            List<Map<String, Object>> inputs, Map<String, Object> parentRange) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "material.produced");
        e.put("materialLot", id);
        e.put("materialType", type);
        e.put("quantity", quantity);
        e.put("unit", unit);
        e.put("inputs", inputs);
        if (parentRange != null) {
            e.put("parentRange", parentRange);
        }
        emitter.emit(machine, "event", e);
        made.add(id);
    }

    static Map<String, Object> input(String lot, double quantity, String unit) {
        return Map.of("materialLot", lot, "quantity", quantity, "unit", unit);
    }
}
