package org.pilotline.mes.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The simulated line is a plausible one: every machine speaks, cells are made from material that exists. */
class LineGeneratorTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyMachineSpeaksAndEveryCellIsMadeFromMaterialProducedBefore() {
        LineGenerator line = new LineGenerator(SimulatorOptions.parse("--bad-every", "0", "--units", "true"), clock);
        List<Emission> out = line.drain(3000);
        Set<String> machines = new HashSet<>();
        Set<String> materials = new HashSet<>(Set.of(LineGenerator.LI2S, LineGenerator.P2S5, LineGenerator.LICL,
                LineGenerator.NCM, LineGenerator.ALF, LineGenerator.LIF));
        Set<String> eventIds = new HashSet<>();
        int cells = 0;
        int graded = 0;
        for (Emission e : out) {
            machines.add(e.machine().id());
            assertTrue(eventIds.add(e.machine().id() + "/" + e.body().get("eventId")), "event ids are unique");
            Object type = e.body().get("type");
            if ("material.produced".equals(type)) {
                inputsKnown(e, materials);
                materials.add((String) e.body().get("materialLot"));
            } else if ("cell.assembled".equals(type)) {
                inputsKnown(e, materials);
                cells++;
            } else if ("measurement".equals(type) && "OCV".equals(e.body().get("characteristic"))) {
                graded++;
            }
        }
        assertEquals(PilotLine.MACHINES.size(), machines.size(), "every machine of the line publishes");
        assertTrue(cells > 50, "cells are stacked: " + cells);
        // a cell is graded six ticks after it is stacked; the sample may end inside a tick
        assertTrue(graded == cells - 5 || graded == cells - 6, cells + " stacked, " + graded + " graded");
    }

    @Test
    void badMessagesComeAtTheirRateAndTheDataMixHasOnlyValues() {
        LineGenerator line = new LineGenerator(SimulatorOptions.parse("--bad-every", "10", "--mix", "data"), clock);
        List<Emission> out = line.drain(100);
        assertEquals(10, out.stream().filter(e -> e.raw() != null).count());
        assertTrue(out.stream().filter(e -> e.raw() == null).allMatch(e -> e.channel().equals("data")));
    }

    @Test
    void inTheDemoPlantCellsComeOnlyFromRealWorkAndAMachinesValuesCarryItsLot() {
        LineState state = new LineState();
        LineGenerator line = new LineGenerator(SimulatorOptions.parse("--bad-every", "0", "--gateway",
                "http://mes.test", "--client-secret", "s"), clock, state);
        state.working("PRESS-01", "WO-2026-00003-01");
        line.emit("STACK-01", "event", Map.of("type", "cell.assembled", "cell", "PL26000000420", "lot",
                "WO-2026-00003-01", "inputs", List.of()));
        List<Emission> out = line.drain(600);
        assertEquals("cell.assembled", out.get(0).body().get("type"), "work goes out before the next tick");
        assertEquals("STACK-01", out.get(0).machine().id());
        assertTrue(out.get(0).body().containsKey("eventId") && out.get(0).body().containsKey("ts"));
        assertEquals(1, out.stream().filter(e -> "cell.assembled".equals(e.body().get("type"))).count(),
                "no made-up cells");
        Map<String, Object> states = new java.util.HashMap<>();
        out.stream().filter(e -> e.channel().equals("state")).forEach(e -> states.putIfAbsent(e.machine().id(),
                e.body().get("state")));
        assertEquals("IDLE", states.get("PRESS-01"), "machines wait for work");
        assertEquals("EXECUTE", states.get("DRYROOM-01"), "the dry room keeps its atmosphere");
        assertTrue(out.stream().filter(e -> e.channel().equals("data") && e.machine().id().equals("PRESS-01"))
                .allMatch(e -> Map.of("lot", "WO-2026-00003-01").equals(e.body().get("context"))));
        assertTrue(out.stream().anyMatch(e -> e.channel().equals("data") && e.machine().id().equals("GRADE-01")),
                "every machine reports its values");
    }

    @Test
    void aMachineIsFaultedForTheStationsFromItsAbortUntilItRecovers() {
        LineState state = new LineState();
        LineGenerator line = new LineGenerator(SimulatorOptions.parse("--bad-every", "0", "--fault-chance", "0.3",
                "--gateway", "http://mes.test", "--client-secret", "s"), clock, state);
        int aborted = 0;
        int recovered = 0;
        for (int i = 0; i < 3000; i++) {
            Emission e = line.next();
            if (e.channel().equals("state") && "ABORTED".equals(e.body().get("state"))) {
                assertTrue(state.faulted(e.machine().id()), e.machine().id() + " aborted but not marked faulted");
                aborted++;
            } else if (e.channel().equals("alarm") && Boolean.FALSE.equals(e.body().get("active"))) {
                recovered++;
            }
        }
        assertTrue(aborted > 10 && recovered > 10, aborted + " faults, " + recovered + " recoveries");
    }

    @SuppressWarnings("unchecked")
    private static void inputsKnown(Emission e, Set<String> materials) {
        for (Map<String, Object> in : (List<Map<String, Object>>) e.body().get("inputs")) {
            assertTrue(materials.contains(in.get("materialLot")), "input " + in + " exists before it is used");
        }
    }
}
