package org.pilotline.mes.equipment.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.pilotline.mes.kit.problem.ProblemException;

/** The from/to query parameters of history endpoints: ISO-8601 instants, to defaulting to now. */
record TimeRange(Instant from, Instant to) {

    static TimeRange parse(String from, String to, Duration defaultSpan) {
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(defaultSpan) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("bad-range", "from (" + start + ") must be before to (" + end + ")");
        }
        return new TimeRange(start, end);
    }

    static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-time", name + " '" + value
                    + "' is not an ISO-8601 UTC time such as 2026-11-24T08:00:00Z");
        }
    }
}
