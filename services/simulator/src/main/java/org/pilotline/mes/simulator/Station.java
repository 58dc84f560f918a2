package org.pilotline.mes.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One station of the demo plant: a machine taking the operations of its equipment class from its dispatch list in
 * work-orders, or the dry room's bench for the operations that need no equipment (material receipt). Stepped by
 * the clock ({@link #step}); between steps it only waits.
 * <p>
 * A machine starts its next operation through work-orders (so the MES's checks apply: equipment, quality gate,
 * holds), reports {@code unit.started} over MQTT, runs for about the operation time (longer when it faults), makes
 * its material (batches, coils, film; cells with serials work-orders allocates), measures the operation's gating
 * characteristics on the lot (before stacking) or on every cell (after), retesting a failed one once unless it is
 * the final test, and reports {@code unit.completed} with its parameters; then it waits until work-orders has
 * recorded the completion. A refusal (409, or a service that cannot answer) is logged and tried again later; a
 * lot whose gate failed or that is held is marked blocked for the planner.
 * <p>
 * The operations left for people ({@code --people-ops}) are not taken while they wait on the list: when nobody has
 * started one within the grace period, a colleague of the shift does it at the tablet (REST start, manual
 * characteristics entered in quality, REST complete with the parameters), on the station's machine if it has one.
 * The bench's own operations are always done that way. The colleague also records a calibration or maintenance
 * found overdue on the station once the grace period has passed, so an old due date does not stop the line.
 */
final class Station {

    /** Who runs an operation: the machine on its own, or a person (a colleague) at the tablet. */
    enum Mode { MACHINE, COLLEAGUE }

    private enum Phase { IDLE, RUNNING, CONFIRMING }

    /** How long a machine waits for work-orders to record its completion before it lets go of the lot. */
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(5);
    static final String BENCH = "DRYROOM-01";

    /** A line of a dispatch list. */
    record Item(String lot, String workOrder, String product, String operation, String equipmentClass,
            String qualification, int plannedQuantity, String state, String station) {

        static Item of(JsonNode n) {
            return new Item(n.path("lot").asText(), n.path("workOrder").asText(), n.path("product").asText(),
                    n.path("operation").asText(), n.path("equipmentClass").asText(null),
                    n.path("qualification").asText(null), n.path("plannedQuantity").asInt(),
                    n.path("state").asText(), n.path("station").asText(null));
        }

        String key() {
            return lot + "/" + operation;
        }
    }

    /** The operation under way. */
    private static final class Run {
        final Item item;
        final Mode mode;
        final JsonNode ops;
        final JsonNode spec;
        final Map<String, Object> values = new LinkedHashMap<>();
        Instant doneAt;
        Instant confirmBy;
        boolean made;
        boolean measured;
        boolean pauseSaid;

        Run(Item item, Mode mode, JsonNode ops, JsonNode spec) {
            this.item = item;
            this.mode = mode;
            this.ops = ops;
            this.spec = spec;
        }
    }

    private final Shop shop;
    private final String id;
    private final boolean bench;
    private final Random random;
    private final Draws draws;
    private final Map<String, Instant> retryAt = new HashMap<>();
    private final Map<String, Instant> readySince = new HashMap<>();
    private final Map<String, String> said = new HashMap<>();
    private final Set<String> notOurs = new HashSet<>();
    private Phase phase = Phase.IDLE;
    private Run run;
    private Instant nextAt = Instant.MIN;
    private Instant lastStep;
    private Instant overdueSince;
    private boolean resumeChecked;

    /**
     * @param id the station (a machine of {@link PilotLine}); for the bench, the dry room it stands in
     * @param bench takes the operations without equipment class
     */
    Station(Shop shop, String id, boolean bench, Random random) {
        this.shop = shop;
        this.id = id;
        this.bench = bench;
        this.random = random;
        this.draws = new Draws(random, shop.options.outOfLimitChance());
    }

    String id() {
        return bench ? id + " bench" : id;
    }

    /** Idle, or the lot and operation it works on. */
    String doing() {
        Run r = run;
        return r == null ? "idle" : r.item.operation() + " " + r.item.lot() + (r.mode == Mode.COLLEAGUE
                ? " (a colleague)" : "");
    }

    void step(Instant now) {
        Duration since = lastStep == null ? Duration.ZERO : Duration.between(lastStep, now);
        lastStep = now;
        switch (phase) {
            case IDLE -> {
                if (!now.isBefore(nextAt)) {
                    nextAt = now.plus(shop.options.poll());
                    pick(now);
                }
            }
            case RUNNING -> {
                if (!bench && shop.line.faulted(id)) { // a machine that faulted holds its work until it recovers
                    run.doneAt = run.doneAt.plus(since);
                } else if (!now.isBefore(run.doneAt)) {
                    finish(now);
                }
            }
            case CONFIRMING -> {
                if (!now.isBefore(nextAt)) {
                    nextAt = now.plus(shop.options.poll());
                    confirm(now);
                }
            }
        }
    }

    // ---- choosing work

    private void pick(Instant now) {
        List<Item> items = new ArrayList<>();
        if (bench) {
            if (!resumeChecked) { // what this line's colleague started at the bench before a restart
                JsonNode started = list("/api/work-orders/stations/" + id + "/dispatch");
                if (started == null) {
                    return;
                }
                started.path("items").forEach(n -> items.add(Item.of(n)));
                resumeChecked = true;
            }
            JsonNode ready = list("/api/work-orders/dispatch");
            if (ready == null) {
                return;
            }
            ready.forEach(n -> {
                if (n.path("equipmentClass").isNull() || n.path("equipmentClass").isMissingNode()) {
                    items.add(Item.of(n));
                }
            });
        } else {
            JsonNode dispatch = list("/api/work-orders/stations/" + id + "/dispatch");
            if (dispatch == null) {
                return;
            }
            serviceTasks(now, dispatch);
            dispatch.path("items").forEach(n -> items.add(Item.of(n)));
        }
        Set<String> listed = new HashSet<>();
        items.forEach(i -> listed.add(i.key()));
        readySince.keySet().retainAll(listed); // what left the list (done, or taken by a person) is forgotten
        retryAt.keySet().retainAll(listed);
        notOurs.retainAll(listed);
        for (Item item : items) {
            if (!shop.options.products().contains(item.product())) {
                continue;
            }
            String key = item.key();
            if (!"READY".equals(item.state())) {
                if ("STARTED".equals(item.state()) && id.equals(item.station()) && !notOurs.contains(key)
                        && resume(item, now)) {
                    return;
                }
                continue;
            }
            Instant retry = retryAt.get(key);
            if (retry != null && now.isBefore(retry)) {
                continue;
            }
            boolean people = shop.options.peopleOps().contains(item.operation());
            if (people) {
                Instant since = readySince.computeIfAbsent(key, k -> {
                    say(k, item.operation() + " on " + item.lot() + " waits for a person at " + id()
                            + "; a colleague does it if nobody has started it in " + human(shop.options.grace()));
                    return now;
                });
                if (now.isBefore(since.plus(shop.options.grace()))) {
                    continue;
                }
            }
            start(item, people || bench ? Mode.COLLEAGUE : Mode.MACHINE, now);
            return;
        }
    }

    /** An operation started at this station: taken up again if this line started it (a restart), else left alone. */
    private boolean resume(Item item, Instant now) {
        JsonNode ops = operations(item.lot());
        if (ops == null) {
            return false;
        }
        JsonNode spec = op(ops, item.operation());
        String us = shop.mes.user();
        if (us == null) {
            return false;
        }
        if (spec == null || !us.equals(spec.path("startedBy").asText())) {
            notOurs.add(item.key());
            return false;
        }
        log("takes up " + item.operation() + " on " + item.lot() + ", started before a restart");
        begin(item, shop.options.peopleOps().contains(item.operation()) || bench ? Mode.COLLEAGUE : Mode.MACHINE,
                ops, spec, now);
        return true;
    }

    private void start(Item item, Mode mode, Instant now) {
        JsonNode ops = operations(item.lot());
        JsonNode spec = ops == null ? null : op(ops, item.operation());
        if (spec == null) {
            retryAt.put(item.key(), now.plus(retryDelay(false)));
            return;
        }
        Mes.Answer a = shop.mes.post("/api/work-orders/lots/" + item.lot() + "/operations/" + item.operation()
                + "/start", Map.of("station", id));
        if (a.ok()) {
            shop.blocked.remove(item.lot());
            readySince.remove(item.key());
            said.remove(item.key());
            begin(item, mode, ops, spec, now);
            return;
        }
        String problem = a.problem();
        if ("operator-not-qualified".equals(problem) && item.qualification() != null
                && shop.granted.add(item.qualification())) {
            grant(item.qualification());
            nextAt = now; // and start again at once
            return;
        }
        if ("operation-already-started".equals(problem)) { // somebody was quicker
            readySince.remove(item.key());
            return;
        }
        boolean unavailable = a.status() == 0 || a.status() >= 500;
        retryAt.put(item.key(), now.plus(retryDelay(unavailable)));
        if ("quality-gate-failed".equals(problem) || "on-hold".equals(problem)) {
            shop.blocked.put(item.lot(), a.detail());
        }
        say(item.key(), item.operation() + " on " + item.lot() + " refused (" + a.describe() + "); trying again in "
                + human(retryDelay(unavailable)));
    }

    /**
     * Work-orders asks a person's token for the qualification an operation names (equipment needs none, but the
     * line starts its work with a token): the line's account, a supervisor too, records it for itself.
     */
    private void grant(String qualification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", shop.mes.user());
        body.put("qualification", qualification);
        Mes.Answer a = shop.mes.post("/api/work-orders/qualifications", body);
        if (a.ok()) {
            log("the line's account " + shop.mes.user() + " now holds " + qualification
                    + " (work-orders asks it of whoever starts the operation)");
        } else {
            shop.granted.remove(qualification);
            log("could not record qualification " + qualification + " for " + shop.mes.user() + " (" + a.describe()
                    + ")");
        }
    }

    private void begin(Item item, Mode mode, JsonNode ops, JsonNode spec, Instant now) {
        Run r = new Run(item, mode, ops, spec);
        double jitter = 0.75 + 0.5 * random.nextDouble();
        r.doneAt = now.plusMillis((long) (shop.options.opTime().toMillis() * jitter));
        for (JsonNode p : spec.path("parameters")) {
            r.values.put(p.path("code").asText(), draws.parameter(p));
        }
        run = r;
        phase = Phase.RUNNING;
        if (!bench) {
            shop.line.working(id, item.lot());
            if (!shop.line.faulted(id)) {
                shop.emitter.emit(id, "state", Map.of("state", "EXECUTE", "mode", "PRODUCTION"));
            }
        }
        if (mode == Mode.MACHINE) {
            Map<String, Object> setpoints = new LinkedHashMap<>();
            for (JsonNode p : spec.path("parameters")) {
                JsonNode t = p.path("target");
                setpoints.put(p.path("code").asText(), t.isNumber() ? t.numberValue() : r.values.get(p.path("code").asText()));
            }
            shop.emitter.emit(id, "event", unitEvent("unit.started", item, setpoints));
        }
        log((mode == Mode.MACHINE ? "runs " : "a colleague runs ") + item.operation() + " on " + item.lot() + " ("
                + item.product() + ", " + item.plannedQuantity() + " cells)");
    }

    // ---- finishing

    private void finish(Instant now) {
        Run r = run;
        Item item = r.item;
        JsonNode ops = operations(item.lot());
        JsonNode spec = ops == null ? null : op(ops, item.operation());
        if (spec == null) {
            r.doneAt = now.plus(retryDelay(true));
            return;
        }
        String state = spec.path("state").asText();
        if ("COMPLETED".equals(state) || "PENDING".equals(state)) { // done (or undone) at a tablet meanwhile
            log(item.operation() + " on " + item.lot() + " was " + state.toLowerCase() + " at a tablet meanwhile");
            done(now);
            return;
        }
        if ("PAUSED".equals(state)) { // a person paused it: the machine holds until it is resumed
            if (!r.pauseSaid) {
                r.pauseSaid = true;
                log(item.operation() + " on " + item.lot() + " is paused at the tablet; waiting for it to resume");
            }
            r.doneAt = now.plus(shop.options.poll());
            return;
        }
        if (!r.made) {
            if (!make(r, now)) {
                r.doneAt = now.plus(retryDelay(false));
                return;
            }
            r.made = true;
        }
        if (!r.measured) {
            measure(r, now);
            r.measured = true;
        }
        if (r.mode == Mode.MACHINE) {
            shop.emitter.emit(id, "event", unitEvent("unit.completed", item, r.values));
            phase = Phase.CONFIRMING;
            r.confirmBy = now.plus(CONFIRM_WITHIN);
            nextAt = now.plus(shop.options.poll());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", r.values);
        body.put("good", item.plannedQuantity());
        body.put("scrap", 0);
        Mes.Answer a = shop.mes.post("/api/work-orders/lots/" + item.lot() + "/operations/" + item.operation()
                + "/complete", body);
        if (a.ok()) {
            log("a colleague completed " + item.operation() + " on " + item.lot()
                    + (isLast(r.ops, r.spec) ? ": the lot is READY for approval" : ""));
            done(now);
        } else if ("operation-completed".equals(a.problem()) || "operation-not-started".equals(a.problem())) {
            done(now);
        } else {
            boolean unavailable = a.status() == 0 || a.status() >= 500;
            say(item.key(), "completing " + item.operation() + " on " + item.lot() + " refused (" + a.describe()
                    + "); trying again in " + human(retryDelay(unavailable)));
            r.doneAt = now.plus(retryDelay(unavailable));
        }
    }

    private void confirm(Instant now) {
        Item item = run.item;
        JsonNode ops = operations(item.lot());
        JsonNode spec = ops == null ? null : op(ops, item.operation());
        if (spec != null && "COMPLETED".equals(spec.path("state").asText())) {
            boolean last = isLast(ops, spec);
            log(item.operation() + " on " + item.lot() + " completed" + (last ? ": the lot is READY for approval" : ""));
            done(now);
        } else if (!now.isBefore(run.confirmBy)) {
            log("work-orders has not recorded " + item.operation() + " on " + item.lot() + " as completed within "
                    + human(CONFIRM_WITHIN) + "; " + id + " lets go of the lot");
            done(now);
        }
    }

    private void done(Instant now) {
        if (!bench) {
            shop.line.idle(id);
            if (!shop.line.faulted(id)) {
                shop.emitter.emit(id, "state", Map.of("state", "IDLE", "mode", "PRODUCTION"));
            }
        }
        run = null;
        phase = Phase.IDLE;
        nextAt = now;
    }

    /** The material the operation's machine makes; false when it cannot yet (then it tries again). */
    private boolean make(Run r, Instant now) {
        String lot = r.item.lot();
        String equipmentClass = r.spec.path("equipmentClass").asText("");
        double sheets = sheets(r.ops);
        double metres = Materials.metresFor(r.item.plannedQuantity(), sheets);
        Materials m = shop.materials;
        switch (equipmentClass) {
            case "ELECTROLYTE_SYNTHESIS" -> m.electrolyte(lot);
            case "MIXER" -> m.cathodeMix(lot);
            case "COATER" -> m.coil(lot, metres);
            case "SLITTER" -> m.subCoil(lot, metres);
            case "ELECTROLYTE_FILM_LINE" -> m.film(lot, metres);
            case "STACKER" -> {
                return stack(r, sheets, metres);
            }
            default -> {
            }
        }
        return true;
    }

    /**
     * Stacking: the lot's cells are born, each with a serial work-orders allocated to the lot, from the lot's
     * sub-coil and film and the lithium foil. After a restart the lot's serial blocks are read back and only the
     * cells genealogy does not know yet are stacked.
     */
    private boolean stack(Run r, double sheets, double metres) {
        Item item = r.item;
        List<String> serials = blocks(item.lot());
        if (serials.isEmpty()) {
            Mes.Answer a = shop.mes.post("/api/work-orders/lots/" + item.lot() + "/serials",
                    Map.of("count", item.plannedQuantity(), "station", id));
            if (!a.ok()) {
                say(item.key(), "serials for " + item.lot() + " refused (" + a.describe() + "); trying again");
                return false;
            }
            a.body().path("serials").forEach(s -> serials.add(s.asText()));
        } else {
            serials.removeIf(s -> shop.mes.get("/api/genealogy/cells/" + s).ok());
        }
        String subCoil = shop.materials.subCoil(item.lot(), metres);
        String film = shop.materials.film(item.lot(), metres);
        double perCell = Materials.metresPerCell(sheets);
        Machine stacker = PilotLine.machine(id);
        for (String serial : serials) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", "cell.assembled");
            e.put("cell", serial);
            e.put("lot", item.lot());
            e.put("inputs", List.of(Materials.input(subCoil, perCell, "m"), Materials.input(film, perCell, "m"),
                    Materials.input(Materials.LIF, perCell, "m")));
            e.put("parameters", Map.of("stackPressureMPa", round(1.5 + random.nextGaussian() * 0.05),
                    "alignmentUm", round(Math.abs(60 + random.nextGaussian() * 15)), "layers", (int) sheets));
            shop.emitter.emit(id, "event", e);
            if (stacker != null) {
                Map<String, Object> values = new LinkedHashMap<>();
                stacker.tags().forEach(t -> values.put(t.name(), round(t.nominal() + random.nextGaussian() * t.noise())));
                shop.emitter.emit(id, "data", Map.of("values", values, "context", Map.of("lot", item.lot(),
                        "cell", serial)));
            }
        }
        shop.cells.put(item.lot(), blocksOrStacked(item.lot(), serials));
        shop.line.cellsMade(serials.size());
        log("stacked " + serials.size() + " cells of " + item.lot() + (serials.isEmpty() ? ""
                : " (" + serials.get(0) + (serials.size() > 1 ? " .. " + serials.get(serials.size() - 1) : "") + ")"));
        return true;
    }

    private List<String> blocksOrStacked(String lot, List<String> stacked) {
        List<String> all = blocks(lot);
        return all.isEmpty() ? List.copyOf(stacked) : all;
    }

    /**
     * The operation's gating characteristics: on the lot before stacking, on each of its cells after. A value
     * outside its limits is measured again once (the retest counts), except at the lot's last operation, the final
     * test, where a failed cell stays failed. A colleague enters what the plan has people enter (MANUAL) in quality
     * as a person does; the rest the station's machine reports.
     */
    private void measure(Run r, Instant now) {
        Item item = r.item;
        JsonNode characteristics = r.spec.path("characteristics");
        if (characteristics.isEmpty()) {
            return;
        }
        List<String> cells = afterStacking(r.ops, r.spec) ? cellsOf(item.lot()) : List.of();
        boolean finalTest = isLast(r.ops, r.spec);
        String machine = bench ? BENCH : id;
        for (JsonNode c : characteristics) {
            boolean byHand = r.mode == Mode.COLLEAGUE && "MANUAL".equals(source(item.product(), c.path("code").asText()));
            List<String> subjects = cells.isEmpty() ? java.util.Collections.singletonList(null) : cells;
            for (String cell : subjects) {
                Draws.Reading first = draws.measurement(c);
                if (first.outside() && !finalTest) {
                    record(item, c, cell, first.value(), now.minusSeconds(2), byHand, machine);
                    record(item, c, cell, draws.measurement(c).value(), now, byHand, machine); // the retest
                } else {
                    record(item, c, cell, first.value(), now, byHand, machine);
                }
            }
        }
    }

    private void record(Item item, JsonNode c, String cell, double value, Instant at, boolean byHand, String machine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("characteristic", c.path("code").asText());
        m.put("value", value);
        m.put("unit", c.path("unit").asText());
        if (cell != null) {
            m.put("cell", cell);
        } else {
            m.put("lot", item.lot());
        }
        if (byHand) {
            m.put("measuredAt", at.toString());
            m.put("note", "entered by a colleague of the shift (demo line)");
            Mes.Answer a = shop.mes.post("/api/quality/measurements", m);
            if (a.ok()) {
                return;
            }
            log("entering " + c.path("code").asText() + " for " + item.lot() + " refused (" + a.describe()
                    + "); " + machine + " reports it instead");
            m.remove("measuredAt");
            m.remove("note");
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ts", at.toString());
        e.put("type", "measurement");
        e.putAll(m);
        shop.emitter.emit(machine, "event", e);
    }

    // ---- the colleague's other job

    /** A calibration or maintenance overdue on the station: done by the shift once the grace period has passed. */
    private void serviceTasks(Instant now, JsonNode dispatch) {
        List<String> overdue = new ArrayList<>();
        dispatch.path("reasons").forEach(r -> {
            if (r.path("code").asText().endsWith("-overdue")) {
                overdue.add(r.path("detail").asText());
            }
        });
        if (overdue.isEmpty()) {
            overdueSince = null;
            return;
        }
        if (overdueSince == null) {
            overdueSince = now;
            log(id + " may not take work: " + String.join("; ", overdue) + "; a colleague of the shift sees to it in "
                    + human(shop.options.grace()) + " if nobody does");
            return;
        }
        if (now.isBefore(overdueSince.plus(shop.options.grace()))) {
            return;
        }
        overdueSince = null;
        JsonNode tasks = list("/api/equipment/equipment/" + id + "/service-tasks");
        if (tasks == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (JsonNode t : tasks) {
            if (t.hasNonNull("dueOn") && LocalDate.parse(t.get("dueOn").asText()).isBefore(today)) {
                String task = t.path("task").asText();
                Mes.Answer a = shop.mes.post("/api/equipment/equipment/" + id + "/service-tasks/" + task + "/done",
                        Map.of("reference", "demo line shift " + today));
                log(a.ok() ? "a colleague of the shift did " + t.path("kind").asText().toLowerCase() + " " + task
                        + " of " + id + " (it was due on " + t.get("dueOn").asText() + ")"
                        : "recording " + task + " of " + id + " done was refused (" + a.describe() + ")");
            }
        }
    }

    // ---- reading the MES

    private JsonNode list(String path) {
        Mes.Answer a = shop.mes.get(path);
        if (!a.ok() || a.body() == null) {
            say("GET " + path, "cannot read " + path + " (" + a.describe() + "); trying again");
            return null;
        }
        said.remove("GET " + path);
        return a.body();
    }

    private JsonNode operations(String lot) {
        return list("/api/work-orders/lots/" + lot + "/operations");
    }

    private static JsonNode op(JsonNode ops, String operation) {
        for (JsonNode o : ops) {
            if (operation.equals(o.path("operation").asText())) {
                return o;
            }
        }
        return null;
    }

    private static boolean isLast(JsonNode ops, JsonNode spec) {
        int max = Integer.MIN_VALUE;
        for (JsonNode o : ops) {
            max = Math.max(max, o.path("sequence").asInt());
        }
        return spec.path("sequence").asInt() == max;
    }

    /** Whether the operation comes after the routing's stacking (its cells exist), by sequence. */
    private static boolean afterStacking(JsonNode ops, JsonNode spec) {
        for (JsonNode o : ops) {
            if ("STACKER".equals(o.path("equipmentClass").asText())) {
                return spec.path("sequence").asInt() > o.path("sequence").asInt();
            }
        }
        return false;
    }

    /** Bi-cells per stack: the stacking operation's SHEETS target, if the routing has one. */
    private static double sheets(JsonNode ops) {
        for (JsonNode o : ops) {
            for (JsonNode p : o.path("parameters")) {
                if ("SHEETS".equals(p.path("code").asText()) && p.path("target").isNumber()) {
                    return p.path("target").asDouble();
                }
            }
        }
        return 20;
    }

    private List<String> cellsOf(String lot) {
        List<String> known = shop.cells.get(lot);
        if (known != null) {
            return known;
        }
        List<String> serials = blocks(lot);
        if (!serials.isEmpty()) {
            shop.cells.put(lot, List.copyOf(serials));
        }
        return serials;
    }

    /** The serials work-orders allocated to the lot, from its blocks (empty when none or unreadable). */
    private List<String> blocks(String lot) {
        List<String> serials = new ArrayList<>();
        Mes.Answer a = shop.mes.get("/api/work-orders/lots/" + lot + "/serials");
        if (a.ok() && a.body() != null) {
            for (JsonNode b : a.body()) {
                serials.addAll(Serials.block(b.path("first").asText(), b.path("count").asInt()));
            }
        }
        return serials;
    }

    /** MANUAL or EQUIPMENT, as quality's plan in force for the product says (EQUIPMENT when it cannot say). */
    private String source(String product, String characteristic) {
        Map<String, String> plan = shop.sources.get(product);
        if (plan == null) {
            Mes.Answer a = shop.mes.get("/api/quality/plans/" + product);
            if (!a.ok() || a.body() == null) {
                return "EQUIPMENT";
            }
            Map<String, String> read = new HashMap<>();
            a.body().path("characteristics").forEach(c -> read.put(c.path("code").asText(),
                    c.path("source").asText("EQUIPMENT")));
            shop.sources.put(product, read);
            plan = read;
        }
        return plan.getOrDefault(characteristic, "EQUIPMENT");
    }

    private Map<String, Object> unitEvent(String type, Item item, Map<String, Object> parameters) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("operation", item.operation());
        e.put("lot", item.lot());
        e.put("parameters", parameters);
        return e;
    }

    /** A refusal is asked again after three polls, a service that did not answer after five. */
    private Duration retryDelay(boolean unavailable) {
        return shop.options.poll().multipliedBy(unavailable ? 5 : 3);
    }

    /** Logs what is new about a subject: the same refusal again is not repeated. */
    private void say(String subject, String message) {
        if (!message.equals(said.put(subject, message))) {
            log(message);
        }
    }

    private void log(String message) {
        shop.log.accept(id() + ": " + message);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 120 && s % 60 == 0 ? s / 60 + " min" : s >= 1 ? s + " s" : d.toMillis() + " ms";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
