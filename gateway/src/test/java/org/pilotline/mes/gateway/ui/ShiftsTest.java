package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShiftsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Shifts three = Shifts.of(List.of("22:00", "06:00", " 14:00"), SHANGHAI);

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void theShiftUnderWayBeganAtTheLastStartAndEndsAtTheNext() {
        Shifts.Shift early = three.at(local("2026-12-04T06:00"));
        assertEquals(local("2026-12-04T06:00"), early.from(), "a shift begins at its start, inclusive");
        assertEquals(local("2026-12-04T14:00"), early.to());
        Shifts.Shift late = three.at(local("2026-12-04T21:59:59"));
        assertEquals(local("2026-12-04T14:00"), late.from());
        assertEquals(local("2026-12-04T22:00"), late.to());
    }

    @Test
    void theNightShiftRunsPastMidnight() {
        Shifts.Shift before = three.at(local("2026-12-04T23:30"));
        assertEquals(local("2026-12-04T22:00"), before.from());
        assertEquals(local("2026-12-05T06:00"), before.to());
        Shifts.Shift after = three.at(local("2026-12-05T03:00"));
        assertEquals(local("2026-12-04T22:00"), after.from(), "at 3 a.m. the shift began the evening before");
        assertEquals(local("2026-12-05T06:00"), after.to());
    }

    @Test
    void oneShiftADayLastsFromItsStartToTheNextDays() {
        Shifts one = Shifts.of(List.of("07:30"), ZoneId.of("UTC"));
        Shifts.Shift s = one.at(Instant.parse("2026-12-04T05:00:00Z"));
        assertEquals(Instant.parse("2026-12-03T07:30:00Z"), s.from());
        assertEquals(Instant.parse("2026-12-04T07:30:00Z"), s.to());
    }
}
