package org.pilotline.mes.gateway.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The plant's shifts: each begins at one of the configured times of day (plant local time) and ends when the next
 * begins, the last running past midnight into the first of the next day. With 06:00, 14:00, 22:00 the night shift
 * that began at 22:00 is the current one at 03:00 the next morning.
 */
public record Shifts(List<LocalTime> starts, ZoneId zone) {

    /** One shift: when it began and when it ends (exclusive). */
    public record Shift(Instant from, Instant to, LocalTime start) {
    }

    public Shifts {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("at least one shift start");
        }
        starts = starts.stream().sorted().distinct().toList();
    }

    /** From configuration: times as HH:mm. */
    public static Shifts of(List<String> starts, ZoneId zone) {
        return new Shifts(starts.stream().map(String::trim).map(LocalTime::parse).toList(), zone);
    }

    /** The shift under way at {@code at}. */
    public Shift at(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        int i = starts.size() - 1;
        while (i >= 0 && starts.get(i).isAfter(time)) {
            i--;
        }
        LocalDate startDay = day;
        if (i < 0) { // before the day's first start: the previous day's last shift
            i = starts.size() - 1;
            startDay = day.minusDays(1);
        }
        LocalTime start = starts.get(i);
        LocalDate endDay = i + 1 < starts.size() ? startDay : startDay.plusDays(1);
        LocalTime end = starts.get((i + 1) % starts.size());
        return new Shift(ZonedDateTime.of(startDay, start, zone).toInstant(),
                ZonedDateTime.of(endDay, end, zone).toInstant(), start);
    }
}
