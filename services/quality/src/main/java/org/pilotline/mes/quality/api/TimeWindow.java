package org.pilotline.mes.quality.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.pilotline.mes.kit.problem.ProblemException;

/** A period asked for with ?from=&to= (ISO instants): to defaults to now, from to a default span before it. */
record TimeWindow(Instant from, Instant to) {

    static TimeWindow of(String from, String to, Duration defaultSpan) {
        Instant end = instant("to", to, Instant.now());
        Instant start = instant("from", from, end.minus(defaultSpan));
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("bad-window", "from must be before to");
        }
        return new TimeWindow(start, end);
    }

    private static Instant instant(String name, String value, Instant otherwise) {
        try {
            return value == null ? otherwise : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-" + name, name + " is an ISO-8601 instant, e.g. 2026-11-24T08:00:00Z");
        }
    }
}
