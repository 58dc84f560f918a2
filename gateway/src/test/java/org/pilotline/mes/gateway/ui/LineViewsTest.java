package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.gateway.ui.LineViews.Area;
import org.pilotline.mes.gateway.ui.LineViews.LineOee;
import org.pilotline.mes.gateway.ui.LineViews.Machine;
import org.pilotline.mes.gateway.ui.LineViews.Oee;
import org.pilotline.mes.gateway.ui.LineViews.ShiftOee;
import org.pilotline.mes.gateway.ui.LineViews.StationWork;
import org.pilotline.mes.gateway.ui.LineViews.Tile;
import org.pilotline.mes.gateway.ui.LineViews.Wip;

class LineViewsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static Machine machine(String id, String cls, String area) {
        return new Machine(id, id, cls, "pilot", area, "L1", "EXECUTE", "PRODUCTION", NOW);
    }

    private static Oee oee(String scope, double oee) {
        return new Oee(scope, NOW, NOW, oee, 0.9, 0.9, 0.99, 10, 0);
    }

    @Test
    void eachTileGetsItsStationsWorkAndItsShiftOeeAndEachAreaItsLinesOee() {
        List<Machine> machines = List.of(machine("PRESS-01", "ISOSTATIC_PRESS", "assembly"),
                machine("STACK-01", "STACKER", "assembly"), machine("GRADE-01", "GRADING_TESTER", "formation"));
        Wip wip = new Wip(List.of(), List.of(new StationWork("PRESS-01", "WIP", List.of("LOT-1", "LOT-2"), 1,
                List.of("C-0001"), "STARTED", NOW)));
        ShiftOee oee = ShiftOee.of(null, Map.of("pilot/assembly/L1", new LineOee(oee("pilot/assembly/L1", 0.5),
                List.of(oee("PRESS-01", 0.7467), oee("STACK-01", 0.4)))), machines);
        List<Area> areas = LineViews.areas(machines, List.of(), Map.of(), wip, oee);

        assertEquals(List.of("assembly", "formation"), areas.stream().map(Area::name).toList());
        Area assembly = areas.get(0);
        assertEquals(List.of("STACK-01", "PRESS-01"), assembly.tiles().stream().map(t -> t.machine().id()).toList(),
                "process order: stacking before pressing");
        Tile press = assembly.tiles().get(1);
        assertEquals("C-0001", press.work().cell(), "one cell at the press: its serial");
        assertEquals(1, press.work().moreLots());
        assertEquals(74.67, press.oee().oeePct(), 1e-9);
        assertNull(assembly.tiles().get(0).work(), "nothing started at the stacker");
        assertEquals(50.0, assembly.oee().oeePct(), 1e-9);
        assertNull(areas.get(1).oee(), "no OEE answer for the formation line: none shown");
        assertNull(areas.get(1).tiles().get(0).oee());
    }

    @Test
    void aStationWithManyCellsShowsTheirCountNotOneSerial() {
        StationWork many = new StationWork("FORM-01", "FORM", List.of("LOT-1"), 24, List.of("C-1", "C-2"), "PAUSED",
                NOW);
        assertNull(many.cell());
        assertEquals(true, many.paused());
        assertNull(new Oee("X", NOW, NOW, null, null, null, null, 0, 0).oeePct(), "no figures: nothing, not 0 %");
    }
}
