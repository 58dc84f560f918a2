package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.gateway.ui.MachineViews.Band;
import org.pilotline.mes.gateway.ui.MachineViews.Range;
import org.pilotline.mes.gateway.ui.MachineViews.StateSpan;
import org.pilotline.mes.gateway.ui.MachineViews.StateTotal;

class MachineViewsTest {

    private static final Shifts SHIFTS = Shifts.of(List.of("06:00", "14:00", "22:00"), ZoneId.of("UTC"));
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static Instant t(String hhmm) {
        return Instant.parse("2026-12-04T" + hhmm + ":00Z");
    }

    @Test
    void durationsReadAsHoursMinutesSecondsAndGoOnPastADay() {
        assertEquals("0:00:00", MachineViews.duration(0));
        assertEquals("0:01:05", MachineViews.duration(65));
        assertEquals("2:00:01", MachineViews.duration(7201));
        assertEquals("27:04:05", MachineViews.duration(27 * 3600 + 4 * 60 + 5));
        assertEquals("0:00:00", MachineViews.duration(-3), "a clock skew does not show a negative time");
    }

    @Test
    void presetsAndAChosenRange() {
        assertEquals(new Range("shift", t("06:00"), NOW, "2026-12-04T06:00", "2026-12-04T10:00"),
                MachineViews.range(null, null, null, NOW, SHIFTS), "the current shift by default");
        assertEquals(t("09:00"), MachineViews.range("hour", null, null, NOW, SHIFTS).from());
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"), MachineViews.range("week", null, null, NOW, SHIFTS).from());
        Range custom = MachineViews.range("hour", "2026-12-03T22:00", "2026-12-04T02:30", NOW, SHIFTS);
        assertEquals("custom", custom.preset());
        assertEquals(Instant.parse("2026-12-03T22:00:00Z"), custom.from());
        assertEquals(t("02:30"), custom.to());
        assertEquals("hour", MachineViews.range("hour", "2026-12-04T05:00", "2026-12-04T04:00", NOW, SHIFTS).preset(),
                "from after to: the preset");
        assertEquals("shift", MachineViews.range("bogus", "yesterday", "now", NOW, SHIFTS).preset());
    }

    @Test
    void theBandClipsSpansToTheRangeAndTotalsTheTimePerState() {
        Range range = new Range("custom", t("08:00"), t("10:00"), "", "");
        List<StateSpan> history = List.of( // newest first, as the service answers
                new StateSpan("EXECUTE", "PRODUCTION", t("09:30"), null),
                new StateSpan("HELD", "PRODUCTION", t("09:00"), t("09:30")),
                new StateSpan("EXECUTE", "PRODUCTION", t("07:00"), t("09:00")));
        List<Band> band = MachineViews.band(history, range, NOW);
        assertEquals(List.of("EXECUTE", "HELD", "EXECUTE"), band.stream().map(Band::state).toList());
        assertEquals(3600, band.get(0).seconds(), "the span begun before the range counts from its start");
        assertEquals(0.0, band.get(0).left(), 1e-9);
        assertEquals(50.0, band.get(0).width(), 1e-9);
        assertEquals("0:30:00", band.get(1).duration());
        assertEquals(75.0, band.get(2).left(), 1e-9);
        assertEquals(true, band.get(2).current());
        List<StateTotal> totals = MachineViews.totals(band, range);
        assertEquals("EXECUTE", totals.get(0).state());
        assertEquals(5400, totals.get(0).seconds());
        assertEquals(75.0, totals.get(0).share(), 1e-9);
        assertEquals(1800, totals.get(1).seconds());
    }
}
