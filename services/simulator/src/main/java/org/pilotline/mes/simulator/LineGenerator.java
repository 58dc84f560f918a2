package org.pilotline.mes.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the pilot line says, one message at a time. Each tick of the line: the dry room and the glovebox report
 * their atmosphere, a cell is stacked from a cathode sub-coil, an electrolyte film roll and lithium foil, and every
 * cell already on the line moves one station on (press, seal, leak test, formation, aging, grading), each station
 * reporting its process values for the cell, its completion and, where it measures, the measurement. Material runs
 * out and is made: electrolyte batches, film rolls, cathode coils slit into sub-coils. Now and then a machine
 * faults (aborted, critical alarm) and recovers, the dry room's dew point rises out of its limit for a while, and
 * a bad message goes out.
 * <p>
 * In the demo plant ({@code --gateway}) the cells and material come from real work instead ({@link DemoPlant}):
 * its stations hand what their machines say to {@link #emit}, sent before the next tick; a tick is then the
 * atmosphere, the faults (which pause a machine's work) and every machine's process values, for the lot it works
 * on. Machines are IDLE until they work.
 */
final class LineGenerator implements Emitter {

    /** Raw material lots the plant mix consumes: ./mes up receives them in genealogy (seed). */
    static final String LI2S = "SIM-LI2S", P2S5 = "SIM-P2S5", LICL = "SIM-LICL", NCM = "SIM-NCM", ALF = "SIM-ALF",
            LIF = "SIM-LIF";

    private static final String[] LINE_STATIONS = { "PRESS-01", "SEAL-01", "LEAK-01", "FORM-01", "AGE-01", "GRADE-01" };
    private static final String[] OPERATIONS = { "WIP", "SEAL", "LEAK", "FORM", "AGE", "GRADE" };

    private final SimulatorOptions options;
    private final Random random;
    private final Clock clock;
    private final String run;
    private final Deque<Emission> pending = new ArrayDeque<>();
    private final Queue<Emission> work = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> counters = new ConcurrentHashMap<>();
    private final LineState lineState;
    private final String[] onLine = new String[LINE_STATIONS.length];
    private final Map<String, Integer> faultTicks = new HashMap<>();
    private long cells;
    private long sent;
    private int excursionTicks;
    private double subCoilLeft;
    private double filmLeft;
    private String subCoil;
    private String filmRoll;
    private int materialSerial;
    private boolean started;
    private int dataCursor;

    LineGenerator(SimulatorOptions options, Clock clock) {
        this(options, clock, new LineState());
    }

    LineGenerator(SimulatorOptions options, Clock clock, LineState state) {
        this.options = options;
        this.lineState = state;
        this.random = new Random(options.seed());
        this.clock = clock;
        this.run = Long.toString(clock.millis(), 36).toUpperCase(); // unique per run: event ids never repeat
    }

    Emission next() {
        if (pending.isEmpty()) {
            Emission w = work.poll();
            if (w != null) {
                pending.add(w);
            } else if (options.mix() == SimulatorOptions.Mix.DATA) {
                dataOnly();
            } else {
                tick();
            }
        }
        sent++;
        if (options.badEvery() > 0 && sent % options.badEvery() == 0) {
            return bad();
        }
        return pending.poll();
    }

    long cellsStacked() {
        return options.demoPlant() ? lineState.cells() : cells;
    }

    /** A demo-plant machine's message, sent before the next tick (callable from any thread). */
    @Override
    public void emit(String machine, String channel, Map<String, Object> fields) {
        Machine m = PilotLine.machine(machine);
        work.add(Emission.of(m, channel, body(m, fields)));
    }

    /** The load mix: process values only, every machine in turn, each message unique. */
    private void dataOnly() {
        Machine m = PilotLine.MACHINES.get(dataCursor++ % PilotLine.MACHINES.size());
        pending.add(data(m, null));
    }

    private void tick() {
        if (!started) {
            for (Machine m : PilotLine.MACHINES) {
                pending.add(state(m, options.demoPlant() && !PilotLine.ENVIRONMENT.contains(m.id()) ? "IDLE"
                        : "EXECUTE", "PRODUCTION"));
            }
            started = true;
        }
        environment();
        faults();
        if (options.demoPlant()) {
            for (Machine m : PilotLine.MACHINES) {
                if (!PilotLine.ENVIRONMENT.contains(m.id())) {
                    pending.add(data(m, null));
                }
            }
        } else if (options.mix() == SimulatorOptions.Mix.PLANT) {
            cellFlow();
        }
    }

    private void environment() {
        Machine room = PilotLine.machine("DRYROOM-01");
        if (excursionTicks == 0 && random.nextDouble() < options.excursionChance()) {
            excursionTicks = 5 + random.nextInt(10);
        }
        Map<String, Object> values = values(room);
        if (excursionTicks > 0) {
            excursionTicks--;
            values.put("dewPointC", round(-37 + random.nextGaussian()));
        }
        pending.add(Emission.of(room, "data", body(room, Map.of("values", values))));
        pending.add(data(PilotLine.machine("GLOVEBOX-01"), null));
    }

    private void faults() {
        for (var it = faultTicks.entrySet().iterator(); it.hasNext();) {
            var f = it.next();
            if (f.setValue(f.getValue() - 1) <= 1) {
                Machine m = PilotLine.machine(f.getKey());
                pending.add(alarm(m, "E-STOP", "CRITICAL", false, null));
                pending.add(state(m, "CLEARING", "PRODUCTION"));
                pending.add(state(m, !options.demoPlant() || PilotLine.ENVIRONMENT.contains(m.id())
                        || lineState.lotAt(m.id()) != null ? "EXECUTE" : "IDLE", "PRODUCTION"));
                lineState.recover(m.id());
                it.remove();
            }
        }
        if (random.nextDouble() < options.faultChance()) {
            Machine m = PilotLine.MACHINES.get(random.nextInt(PilotLine.MACHINES.size()));
            if (!faultTicks.containsKey(m.id())) {
                pending.add(alarm(m, "E-STOP", "CRITICAL", true, "emergency stop pressed"));
                pending.add(state(m, "ABORTED", "PRODUCTION"));
                faultTicks.put(m.id(), 3 + random.nextInt(5));
                lineState.fault(m.id());
            }
        }
    }

    /** One station step for every cell on the line, then a new cell at the stacker. */
    private void cellFlow() {
        for (int i = LINE_STATIONS.length - 1; i >= 0; i--) {
            String cell = onLine[i];
            if (cell == null) {
                continue;
            }
            Machine m = PilotLine.machine(LINE_STATIONS[i]);
            pending.add(data(m, cell));
            if (m.id().equals("LEAK-01")) {
                pending.add(measurement(m, cell, "LEAK_RATE", round(1e-7 + random.nextGaussian() * 2e-8), "mbar L/s"));
            }
            if (m.id().equals("GRADE-01")) {
                pending.add(measurement(m, cell, "OCV", round(3.85 + random.nextGaussian() * 0.005), "V"));
                pending.add(measurement(m, cell, "ACIR", round(1.2 + random.nextGaussian() * 0.05), "mOhm"));
                pending.add(measurement(m, cell, "CAPACITY", round(60 + random.nextGaussian() * 0.4), "Ah"));
            }
            if (options.units()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", "unit.completed");
                e.put("operation", OPERATIONS[i]);
                e.put("cell", cell);
                e.put("parameters", Map.of("result", random.nextDouble() < 0.02 ? "NG" : "OK"));
                pending.add(Emission.of(m, "event", body(m, e)));
            }
            if (i + 1 < LINE_STATIONS.length) {
                onLine[i + 1] = cell;
            }
            onLine[i] = null;
        }
        onLine[0] = stack();
    }

    private String stack() {
        Machine stacker = PilotLine.machine("STACK-01");
        if (subCoilLeft < 0.3) {
            makeCathode();
        }
        if (filmLeft < 0.3) {
            makeFilm();
        }
        subCoilLeft -= 0.3;
        filmLeft -= 0.3;
        String cell = "SIM" + run + String.format("%06d", ++cells);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "cell.assembled");
        e.put("cell", cell);
        e.put("lot", options.lot() != null ? options.lot() : "SIM-" + run);
        e.put("inputs", List.of(input(subCoil, 0.3, "m"), input(filmRoll, 0.3, "m"), input(LIF, 0.3, "m")));
        e.put("parameters", Map.of("stackPressureMPa", round(1.5 + random.nextGaussian() * 0.05), "layers", 40));
        pending.add(Emission.of(stacker, "event", body(stacker, e)));
        pending.add(data(stacker, cell));
        return cell;
    }

    private String electrolyteBatch() {
        String batch = "SIM-SE-" + run + "-" + ++materialSerial;
        pending.add(produced("SYN-01", batch, "ELECTROLYTE_POWDER", 10, "kg", List.of(input(LI2S, 4.5, "kg"),
                input(P2S5, 3.5, "kg"), input(LICL, 2.0, "kg")), null));
        return batch;
    }

    private void makeFilm() {
        String powder = electrolyteBatch();
        filmRoll = "SIM-FILM-" + run + "-" + ++materialSerial;
        pending.add(produced("SEFILM-01", filmRoll, "SE_FILM", 200, "m", List.of(input(powder, 2, "kg")), null));
        filmLeft = 200;
    }

    private void makeCathode() {
        String powder = electrolyteBatch();
        String coil = "SIM-COIL-" + run + "-" + ++materialSerial;
        pending.add(produced("COAT-01", coil, "CATHODE_COIL", 500, "m", List.of(input(NCM, 5, "kg"),
                input(powder, 1, "kg"), input(ALF, 500, "m")), null));
        subCoil = coil + "-S1";
        pending.add(produced("SLIT-01", subCoil, "CATHODE_SUBCOIL", 250, "m", List.of(input(coil, 250, "m")),
                Map.of("from", 0, "to", 250, "unit", "m")));
        subCoilLeft = 250;
    }

    private Emission produced(String machineId, String lot, String type, double quantity, String unit,
            List<Map<String, Object>> inputs, Map<String, Object> parentRange) {
        Machine m = PilotLine.machine(machineId);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "material.produced");
        e.put("materialLot", lot);
        e.put("materialType", type);
        e.put("quantity", quantity);
        e.put("unit", unit);
        e.put("inputs", inputs);
        if (parentRange != null) {
            e.put("parentRange", parentRange);
        }
        return Emission.of(m, "event", body(m, e));
    }

    private Emission measurement(Machine m, String cell, String characteristic, double value, String unit) {
        return Emission.of(m, "event", body(m, Map.of("type", "measurement", "characteristic", characteristic,
                "value", value, "unit", unit, "cell", cell)));
    }

    private Emission data(Machine m, String cell) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("values", values(m));
        String lot = lineState.lotAt(m.id());
        if (cell != null) {
            b.put("context", Map.of("cell", cell));
        } else if (lot != null) {
            b.put("context", Map.of("lot", lot));
        }
        return Emission.of(m, "data", body(m, b));
    }

    private Map<String, Object> values(Machine m) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Machine.Tag t : m.tags()) {
            values.put(t.name(), round(t.nominal() + random.nextGaussian() * t.noise()));
        }
        return values;
    }

    private Emission state(Machine m, String state, String mode) {
        return Emission.of(m, "state", body(m, Map.of("state", state, "mode", mode)));
    }

    private Emission alarm(Machine m, String code, String severity, boolean active, String text) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", code);
        b.put("severity", severity);
        b.put("active", active);
        if (text != null) {
            b.put("text", text);
        }
        return Emission.of(m, "alarm", body(m, b));
    }

    /** A message the MES must dead-letter and go on: not JSON, an unknown machine, a required field missing. */
    private Emission bad() {
        Machine m = PilotLine.machine("STACK-01");
        return switch (random.nextInt(3)) {
            case 0 -> Emission.bad(m.topic(PilotLine.SITE, PilotLine.LINE, "data"),
                    "{\"eventId\": oops".getBytes(StandardCharsets.UTF_8));
            case 1 -> Emission.bad("mes/v1/pilot/assembly/L1/GHOST-99/state", ("{\"eventId\":\"ghost-" + sent
                    + "\",\"ts\":\"" + clock.instant() + "\",\"state\":\"EXECUTE\",\"mode\":\"PRODUCTION\"}")
                    .getBytes(StandardCharsets.UTF_8));
            default -> Emission.bad(m.topic(PilotLine.SITE, PilotLine.LINE, "event"), ("{\"eventId\":\"bad-" + run
                    + "-" + sent + "\",\"ts\":\"" + clock.instant() + "\",\"type\":\"cell.assembled\",\"lot\":\"X\"}")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private Map<String, Object> body(Machine m, Map<String, Object> fields) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("eventId", m.id() + "-" + run + "-" + counters.merge(m.id(), 1L, Long::sum));
        b.put("ts", Instant.now(clock).toString());
        b.putAll(fields);
        return b;
    }

    private static Map<String, Object> input(String lot, double quantity, String unit) {
        return Map.of("materialLot", lot, "quantity", quantity, "unit", unit);
    }

    private static double round(double v) {
        return Math.abs(v) < 0.001 ? v : Math.round(v * 10000) / 10000.0;
    }

    /** For tests: the events waiting to go out. */
    List<Emission> drain(int n) {
        List<Emission> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(next());
        }
        return list;
    }
}
