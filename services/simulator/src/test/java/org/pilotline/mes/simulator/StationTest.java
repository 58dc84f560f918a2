package org.pilotline.mes.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.simulator.FakeMes.Lot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a station of the demo plant does with the work its dispatch list offers: a machine starts an operation
 * through work-orders and reports it over MQTT, waits out refusals, stacks cells with the serials work-orders
 * allocates and measures each of them later; an operation left for people waits for them, then a colleague does it
 * at the tablet.
 */
class StationTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final String LOT = "WO-2026-00007-01";

    /** What the machines handed to the message loop. */
    record Sent(String machine, String channel, Map<String, Object> fields) {
        Object type() {
            return fields.get("type");
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final FakeMes mes = new FakeMes();
    private final LineState line = new LineState();
    private final SimulatorOptions options = SimulatorOptions.parse("--gateway", "http://mes.test", "--client-secret",
            "s", "--poll", "PT1S", "--op-time", "PT10S", "--grace", "PT1M", "--out-of-limit-chance", "0",
            "--people-ops", "RECEIPT,SEAL");
    private final Shop shop = shop();
    private final Lot lot = routing(LOT, 3).routeOn(mes);

    private Shop shop() {
        return new Shop(options, mes, (m, channel, fields) -> sent.add(new Sent(m, channel, fields)), line, log::add);
    }

    private static Lot routing(String lot, int cells) {
        return new Lot(lot, "SSB-1AH", cells)
                .op(10, "RECEIPT", null, "MATERIAL_HANDLING", List.of(),
                        List.of(Lot.limits("MOISTURE", "ppm", null, null, 50.0)))
                .op(20, "SYNTH", "ELECTROLYTE_SYNTHESIS", "INERT_HANDLING",
                        List.of(Lot.limits("MILL_RPM", "rpm", 450.0, 500.0, 550.0)),
                        List.of(Lot.limits("ION_COND", "mS/cm", 2.5, 3.0, null)))
                .op(80, "STACK", "STACKER", "STACKING", List.of(Lot.limits("SHEETS", "count", 5.0, 5.0, 5.0),
                        Lot.limits("ALIGN", "um", null, null, 200.0)), List.of())
                .op(100, "SEAL", "SEALER", null, List.of(Lot.limits("SEAL_T", "C", 175.0, 185.0, 195.0)), List.of())
                .op(110, "LEAK", "LEAK_TESTER", null, List.of(),
                        List.of(Lot.limits("LEAK_RATE", "mbar*l/s", null, null, 1e-6)))
                .op(140, "GRADE", "GRADING_TESTER", null, List.of(),
                        List.of(Lot.limits("OCV", "V", 3.55, 3.65, 3.75)));
    }

    /** The station's dispatch list, as work-orders answers it: available, these items. */
    private List<Map<String, Object>> dispatch(String station) {
        List<Map<String, Object>> items = new ArrayList<>();
        mes.answer("GET", "/api/work-orders/stations/" + station + "/dispatch", b -> FakeMes.ok(Map.of("station",
                station, "available", true, "reasons", List.of(), "items", items)));
        return items;
    }

    private void completed(String... operations) {
        for (String op : operations) {
            lot.state.put(op, "COMPLETED");
        }
    }

    private List<Sent> events(String type) {
        return sent.stream().filter(s -> type.equals(s.type())).toList();
    }

    @Test
    void aMachineStartsItsOperationThroughWorkOrdersRunsItAndReportsItOverMqtt() {
        completed("RECEIPT");
        dispatch("SYN-01").add(lot.item("SYNTH", "READY", null));
        Station synthesis = new Station(shop, "SYN-01", false, new Random(1));

        synthesis.step(T0);
        assertEquals(1, mes.posts("/api/work-orders/lots/" + LOT + "/operations/SYNTH/start").size());
        assertEquals("SYN-01", mes.posts("/api/work-orders/lots/" + LOT + "/operations/SYNTH/start").get(0).body()
                .path("station").asText(), "started at the machine's own station");
        assertEquals(List.of("EXECUTE"), sent.stream().filter(s -> s.channel().equals("state"))
                .map(s -> s.fields().get("state")).toList());
        Sent started = events("unit.started").get(0);
        assertEquals(Map.of("type", "unit.started", "operation", "SYNTH", "lot", LOT, "parameters",
                Map.of("MILL_RPM", 500.0)), started.fields(), "reports the start with its set points");
        assertEquals(LOT, line.lotAt("SYN-01"), "its process values carry the lot while it works");

        synthesis.step(T0.plusSeconds(5));
        assertTrue(events("unit.completed").isEmpty(), "an operation takes its time");

        synthesis.step(T0.plusSeconds(13));
        List<Object> order = sent.stream().filter(s -> s.channel().equals("event")).map(Sent::type).toList();
        assertEquals(List.of("unit.started", "material.produced", "measurement", "unit.completed"), order);
        Sent batch = events("material.produced").get(0);
        assertEquals("EB-" + LOT, batch.fields().get("materialLot"));
        assertEquals("SYN-01", batch.machine());
        assertEquals(Set.of(Materials.LI2S, Materials.P2S5, Materials.LICL), inputs(batch),
                "made from raw lots genealogy knows");
        Sent conductivity = events("measurement").get(0);
        assertEquals(LOT, conductivity.fields().get("lot"), "before stacking, the lot is measured");
        assertEquals("ION_COND", conductivity.fields().get("characteristic"));
        assertTrue((double) conductivity.fields().get("value") >= 2.5, "within its limit: " + conductivity);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) events("unit.completed").get(0).fields().get("parameters");
        assertEquals(Set.of("MILL_RPM"), values.keySet(), "exactly the operation's parameters");
        double rpm = ((Number) values.get("MILL_RPM")).doubleValue();
        assertTrue(rpm >= 450 && rpm <= 550, "near target, within the limits: " + rpm);
        assertTrue(mes.posts("/api/work-orders/lots/" + LOT + "/operations/SYNTH/complete").isEmpty(),
                "a machine's completion goes over MQTT, not REST");

        synthesis.step(T0.plusSeconds(14));
        assertFalse(lastState().equals("IDLE"), "it waits until work-orders has recorded the completion");
        completed("SYNTH");
        synthesis.step(T0.plusSeconds(15));
        assertEquals("IDLE", lastState());
        assertNull(line.lotAt("SYN-01"));
    }

    @Test
    void aFaultedMachineHoldsItsWorkUntilItRecovers() {
        completed("RECEIPT");
        dispatch("SYN-01").add(lot.item("SYNTH", "READY", null));
        Station synthesis = new Station(shop, "SYN-01", false, new Random(1));
        synthesis.step(T0);
        line.fault("SYN-01");
        synthesis.step(T0.plusSeconds(30));
        line.recover("SYN-01");
        synthesis.step(T0.plusSeconds(31));
        assertTrue(events("unit.completed").isEmpty(), "the 30 s it was down do not count");
        synthesis.step(T0.plusSeconds(45));
        assertEquals(1, events("unit.completed").size());
    }

    @Test
    void refusalsAreWaitedOutAndTriedAgainNeverFatal() {
        completed("RECEIPT");
        dispatch("SYN-01").add(lot.item("SYNTH", "READY", null));
        String start = "/api/work-orders/lots/" + LOT + "/operations/SYNTH/start";
        List<Mes.Answer> answers = new ArrayList<>(List.of(
                FakeMes.problem(409, "equipment-not-available", "SYN-01 may not take work: SYN-01 is ABORTED"),
                new Mes.Answer(503, null, null), new Mes.Answer(0, null, "connection refused"),
                FakeMes.problem(409, "quality-gate-failed", "SYNTH may not start: ION_COND below 2.5"),
                FakeMes.ok(Map.of("state", "STARTED"))));
        mes.answer("POST", start, b -> answers.remove(0));
        Station synthesis = new Station(shop, "SYN-01", false, new Random(1));

        synthesis.step(T0);
        assertEquals(1, mes.posts(start).size());
        assertTrue(log.stream().anyMatch(l -> l.contains("SYNTH on " + LOT + " refused (409 equipment-not-available")),
                "says plainly why: " + log);
        synthesis.step(T0.plusSeconds(1));
        synthesis.step(T0.plusSeconds(2));
        assertEquals(1, mes.posts(start).size(), "waits before it asks again");
        synthesis.step(T0.plusSeconds(3));
        assertEquals(2, mes.posts(start).size());
        synthesis.step(T0.plusSeconds(8)); // a service that does not answer: five polls
        synthesis.step(T0.plusSeconds(13));
        assertEquals(4, mes.posts(start).size());
        assertEquals(Map.of(LOT, "SYNTH may not start: ION_COND below 2.5"), shop.blocked,
                "a lot quality keeps from going on is no work the planner can count on");
        synthesis.step(T0.plusSeconds(16));
        assertEquals(5, mes.posts(start).size());
        assertTrue(shop.blocked.isEmpty());
        assertEquals(1, events("unit.started").size(), "reports only the start work-orders accepted");
    }

    @Test
    void aStationThatMayNotStartAsksForTheQualificationWorkOrdersWants() {
        completed("RECEIPT");
        dispatch("SYN-01").add(lot.item("SYNTH", "READY", null));
        String start = "/api/work-orders/lots/" + LOT + "/operations/SYNTH/start";
        List<Mes.Answer> answers = new ArrayList<>(List.of(FakeMes.problem(409, "operator-not-qualified",
                FakeMes.US + " holds no valid INERT_HANDLING qualification"), FakeMes.ok(Map.of())));
        mes.answer("POST", start, b -> answers.remove(0));
        mes.ok("POST", "/api/work-orders/qualifications", Map.of("id", 1));
        Station synthesis = new Station(shop, "SYN-01", false, new Random(1));
        synthesis.step(T0);
        synthesis.step(T0.plusMillis(250));
        JsonNode grant = mes.posts("/api/work-orders/qualifications").get(0).body();
        assertEquals(FakeMes.US, grant.path("user").asText());
        assertEquals("INERT_HANDLING", grant.path("qualification").asText());
        assertEquals(2, mes.posts(start).size());
        assertEquals(1, events("unit.started").size());
    }

    @Test
    void stackingUsesTheSerialsWorkOrdersAllocatesAndLaterStationsMeasureEachCell() {
        List<String> serials = Serials.block("PL26000000420", 3);
        List<Map<String, Object>> blocks = new ArrayList<>();
        mes.answer("GET", "/api/work-orders/lots/" + LOT + "/serials", b -> FakeMes.ok(blocks));
        mes.answer("POST", "/api/work-orders/lots/" + LOT + "/serials", b -> {
            blocks.add(Map.of("first", serials.get(0), "last", serials.get(2), "count", 3));
            return FakeMes.ok(Map.of("first", serials.get(0), "count", 3, "serials", serials));
        });
        completed("RECEIPT", "SYNTH");
        dispatch("STACK-01").add(lot.item("STACK", "READY", null));
        Station stacker = new Station(shop, "STACK-01", false, new Random(2));
        stacker.step(T0);
        stacker.step(T0.plusSeconds(13));

        JsonNode allocation = mes.posts("/api/work-orders/lots/" + LOT + "/serials").get(0).body();
        assertEquals(3, allocation.path("count").asInt(), "one serial per planned cell");
        assertEquals("STACK-01", allocation.path("station").asText());
        List<Sent> cells = events("cell.assembled");
        assertEquals(serials, cells.stream().map(c -> c.fields().get("cell")).toList(),
                "the cells carry the serials work-orders allocated");
        assertTrue(cells.stream().allMatch(c -> LOT.equals(c.fields().get("lot"))));
        assertEquals(Set.of("COIL-" + LOT + "-S1", "FILM-" + LOT, Materials.LIF), inputs(cells.get(0)));
        List<String> made = new ArrayList<>(List.of(Materials.LI2S, Materials.P2S5, Materials.LICL, Materials.NCM,
                Materials.ALF, Materials.LIF));
        for (Sent s : sent) {
            if ("material.produced".equals(s.type()) || "cell.assembled".equals(s.type())) {
                assertTrue(made.containsAll(inputs(s)), "every input exists before it is used: " + s);
                made.add((String) s.fields().getOrDefault("materialLot", ""));
            }
        }
        assertEquals(3, line.cells());

        // leak test after sealing: every cell is measured, not the lot
        completed("STACK", "SEAL");
        dispatch("LEAK-01").add(lot.item("LEAK", "READY", null));
        Station leak = new Station(shop, "LEAK-01", false, new Random(3));
        leak.step(T0.plusSeconds(20));
        leak.step(T0.plusSeconds(33));
        assertEquals(serials, events("measurement").stream().map(m -> m.fields().get("cell")).toList());

        // after a restart the serials are read back from the lot's blocks
        sent.clear();
        lot.state.put("LEAK", "PENDING");
        Station again = new Station(shop(), "LEAK-01", false, new Random(4));
        again.step(T0.plusSeconds(40));
        again.step(T0.plusSeconds(53));
        assertEquals(serials, events("measurement").stream().map(m -> m.fields().get("cell")).toList());
    }

    @Test
    void aFailedMeasurementIsRetestedOnceExceptAtTheFinalTest() {
        SimulatorOptions failing = SimulatorOptions.parse("--gateway", "http://mes.test", "--client-secret", "s",
                "--poll", "PT1S", "--op-time", "PT10S", "--out-of-limit-chance", "1");
        Shop shop = new Shop(failing, mes, (m, channel, fields) -> sent.add(new Sent(m, channel, fields)), line,
                log::add);
        completed("RECEIPT");
        dispatch("SYN-01").add(lot.item("SYNTH", "READY", null));
        Station synthesis = new Station(shop, "SYN-01", false, new Random(1));
        synthesis.step(T0);
        synthesis.step(T0.plusSeconds(13));
        List<Sent> measured = events("measurement");
        assertEquals(2, measured.size(), "measured, failed, measured again");
        assertTrue((double) measured.get(0).fields().get("value") < 2.5);
        assertTrue(Instant.parse((String) measured.get(0).fields().get("ts"))
                .isBefore(Instant.parse((String) measured.get(1).fields().get("ts"))), "the retest is the latest");

        sent.clear();
        mes.answer("GET", "/api/work-orders/lots/" + LOT + "/serials", b -> FakeMes.ok(List.of(Map.of("first",
                "PL26000000420", "count", 2))));
        completed("SYNTH", "STACK", "SEAL", "LEAK");
        dispatch("GRADE-01").add(lot.item("GRADE", "READY", null));
        Station grading = new Station(shop, "GRADE-01", false, new Random(5));
        grading.step(T0.plusSeconds(20));
        grading.step(T0.plusSeconds(33));
        assertEquals(2, events("measurement").size(), "one OCV per cell, failures stand at the final test");
    }

    @Test
    void anOperationLeftForPeopleWaitsForThemThenAColleagueDoesItAtTheTablet() {
        completed("RECEIPT", "SYNTH", "STACK");
        dispatch("SEAL-01").add(lot.item("SEAL", "READY", null));
        Station sealer = new Station(shop, "SEAL-01", false, new Random(1));
        String start = "/api/work-orders/lots/" + LOT + "/operations/SEAL/start";

        sealer.step(T0);
        sealer.step(T0.plusSeconds(59));
        assertTrue(mes.posts(start).isEmpty(), "nobody takes it from the people during the grace period");
        assertTrue(log.stream().anyMatch(l -> l.contains("SEAL on " + LOT + " waits for a person at SEAL-01")), log.toString());

        sealer.step(T0.plusSeconds(61));
        assertEquals(1, mes.posts(start).size(), "then a colleague starts it at the tablet");
        sealer.step(T0.plusSeconds(75));
        JsonNode completion = mes.posts("/api/work-orders/lots/" + LOT + "/operations/SEAL/complete").get(0).body();
        double sealT = completion.path("parameters").path("SEAL_T").asDouble();
        assertTrue(sealT >= 175 && sealT <= 195, "the parameters a person enters, in limits: " + completion);
        assertEquals(3, completion.path("good").asInt());
        assertTrue(events("unit.started").isEmpty() && events("unit.completed").isEmpty(),
                "a person's operation is recorded at the tablet, not reported by the machine");
    }

    @Test
    void anOperationAPersonStartedIsLeftToThem() {
        completed("RECEIPT", "SYNTH", "STACK");
        lot.state.put("SEAL", "STARTED");
        lot.startedBy.put("SEAL", "operator1");
        dispatch("SEAL-01").add(lot.item("SEAL", "STARTED", "SEAL-01"));
        Station sealer = new Station(shop, "SEAL-01", false, new Random(1));
        for (int s = 0; s < 200; s += 10) {
            sealer.step(T0.plusSeconds(s));
        }
        assertTrue(mes.calls.stream().noneMatch(c -> c.method().equals("POST")), "nothing done in their place");
        assertEquals("idle", sealer.doing());
    }

    @Test
    void theBenchsMaterialReceiptGetsItsMoistureEnteredByHandAfterTheGracePeriod() {
        mes.ok("GET", "/api/work-orders/stations/DRYROOM-01/dispatch", Map.of("items", List.of()));
        mes.ok("GET", "/api/work-orders/dispatch", List.of(lot.item("RECEIPT", "READY", null)));
        mes.ok("GET", "/api/quality/plans/SSB-1AH", Map.of("characteristics", List.of(Map.of("code", "MOISTURE",
                "source", "MANUAL"))));
        mes.ok("POST", "/api/quality/measurements", Map.of("id", 7));
        Station bench = new Station(shop, "DRYROOM-01", true, new Random(1));
        bench.step(T0);
        bench.step(T0.plusSeconds(61));
        assertEquals("DRYROOM-01", mes.posts("/api/work-orders/lots/" + LOT + "/operations/RECEIPT/start").get(0)
                .body().path("station").asText(), "at the dry room's bench");
        bench.step(T0.plusSeconds(75));
        JsonNode moisture = mes.posts("/api/quality/measurements").get(0).body();
        assertEquals("MOISTURE", moisture.path("characteristic").asText());
        assertEquals(LOT, moisture.path("lot").asText());
        assertTrue(moisture.path("value").asDouble() < 50);
        assertEquals(1, mes.posts("/api/work-orders/lots/" + LOT + "/operations/RECEIPT/complete").size());
        assertTrue(sent.stream().noneMatch(s -> s.channel().equals("state")), "the dry room keeps running");
    }

    @Test
    void anOverdueCalibrationIsDoneByTheShiftAfterTheGracePeriod() {
        mes.ok("GET", "/api/work-orders/stations/STACK-01/dispatch", Map.of("available", false, "reasons",
                List.of(Map.of("code", "maintenance-overdue", "detail", "maintenance ALIGNMENT was due on 2026-11-20")),
                "items", List.of()));
        mes.ok("GET", "/api/equipment/equipment/STACK-01/service-tasks", List.of(Map.of("task", "ALIGNMENT", "kind",
                "MAINTENANCE", "dueOn", "2026-11-20"), Map.of("task", "GRIPPER", "kind", "MAINTENANCE", "dueOn",
                "2027-01-10")));
        mes.ok("POST", "/api/equipment/equipment/STACK-01/service-tasks/ALIGNMENT/done", Map.of());
        Station stacker = new Station(shop, "STACK-01", false, new Random(1));
        stacker.step(T0);
        stacker.step(T0.plusSeconds(30));
        assertTrue(mes.calls.stream().noneMatch(c -> c.method().equals("POST")));
        stacker.step(T0.plusSeconds(61));
        assertEquals(1, mes.posts("/api/equipment/equipment/STACK-01/service-tasks/ALIGNMENT/done").size());
        assertEquals(1, mes.calls.stream().filter(c -> c.method().equals("POST")).count(), "only what is overdue");
    }

    private String lastState() {
        List<Sent> states = sent.stream().filter(s -> s.channel().equals("state")).toList();
        return (String) states.get(states.size() - 1).fields().get("state");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> inputs(Sent s) {
        Set<String> lots = new java.util.HashSet<>();
        ((List<Map<String, Object>>) s.fields().get("inputs")).forEach(i -> lots.add((String) i.get("materialLot")));
        return lots;
    }
}
