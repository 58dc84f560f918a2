package org.pilotline.mes.gateway.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a machine's page reads from the equipment service and what it makes of it: the range asked for, the state
 * history as a band of spans with their durations and the time per state, the alarms with theirs.
 */
public final class MachineViews {

    /** The range presets, in the order the page offers them. */
    static final List<String> PRESETS = List.of("hour", "shift", "day", "week");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private MachineViews() {
    }

    public record StateSpan(String state, String mode, Instant from, Instant until) {
    }

    /** An alarm occurrence; its duration is taken from its own times (until now while it is active). */
    public record Alarm(String code, String severity, String text, Instant raisedAt, Instant clearedAt) {

        public boolean active() {
            return clearedAt == null;
        }

        public long seconds() {
            return Duration.between(raisedAt, clearedAt == null ? Instant.now() : clearedAt).toSeconds();
        }

        public String duration() {
            return MachineViews.duration(seconds());
        }
    }

    public record CurrentValue(String tag, double value, Instant ts, boolean stale) {
    }

    public record Point(Instant ts, double value) {
    }

    public record Bucket(Instant start, long count, double min, double max, double avg, double last) {
    }

    public record Series(String tag, Long bucketSeconds, List<Point> points, List<Bucket> buckets) {

        /** [epoch ms, value] pairs for the chart: raw points, else each bucket's average at its start. */
        public List<double[]> pairs() {
            List<double[]> out = new ArrayList<>();
            if (points != null) {
                points.forEach(p -> out.add(new double[] { p.ts().toEpochMilli(), p.value() }));
            }
            if (buckets != null) {
                buckets.forEach(b -> out.add(new double[] { b.start().toEpochMilli(), b.avg() }));
            }
            out.sort(Comparator.comparingDouble(p -> p[0]));
            return out;
        }
    }

    /**
     * The range shown: a preset ({@code hour}, {@code shift}, {@code day}, {@code week}) or {@code custom} with
     * {@code from}/{@code to} as the form's local date-times ({@code fromLocal}, {@code toLocal}).
     */
    public record Range(String preset, Instant from, Instant to, String fromLocal, String toLocal) {

        public long seconds() {
            return Duration.between(from, to).toSeconds();
        }
    }

    /**
     * The range a request asks for: {@code from} and {@code to} (local date-times of the plant, as a
     * datetime-local field sends them) when both parse and from is before to; else the preset (default the current
     * shift).
     */
    static Range range(String preset, String from, String to, Instant now, Shifts shifts) {
        ZoneId zone = shifts.zone();
        if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
            try {
                Instant f = LocalDateTime.parse(from.trim()).atZone(zone).toInstant();
                Instant t = LocalDateTime.parse(to.trim()).atZone(zone).toInstant();
                if (f.isBefore(t)) {
                    return new Range("custom", f, t, local(f, zone), local(t, zone));
                }
            } catch (DateTimeParseException e) {
                // not a date-time: the preset instead
            }
        }
        String p = preset != null && PRESETS.contains(preset) ? preset : "shift";
        Instant f = switch (p) {
            case "hour" -> now.minus(Duration.ofHours(1));
            case "day" -> now.minus(Duration.ofHours(24));
            case "week" -> now.minus(Duration.ofDays(7));
            default -> shifts.at(now).from();
        };
        return new Range(p, f, now, local(f, zone), local(now, zone));
    }

    private static String local(Instant i, ZoneId zone) {
        return LOCAL.format(i.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
    }

    /** One span of the state band, clipped to the range: where it starts and how wide it is, in percent. */
    public record Band(String state, String mode, Instant from, Instant until, long seconds, double left,
            double width, boolean current) {

        public String duration() {
            return MachineViews.duration(seconds);
        }
    }

    /** The history (newest first, as the service gives it) as the band's spans, oldest first, clipped to the range. */
    static List<Band> band(List<StateSpan> history, Range range, Instant now) {
        double total = Math.max(1, Duration.between(range.from(), range.to()).toMillis());
        List<Band> out = new ArrayList<>();
        for (StateSpan s : history) {
            Instant until = s.until() == null ? now : s.until();
            Instant a = s.from().isBefore(range.from()) ? range.from() : s.from();
            Instant b = until.isAfter(range.to()) ? range.to() : until;
            if (!a.isBefore(b)) {
                continue;
            }
            out.add(new Band(s.state(), s.mode(), s.from(), s.until(), Duration.between(a, b).toSeconds(),
                    100.0 * Duration.between(range.from(), a).toMillis() / total,
                    100.0 * Duration.between(a, b).toMillis() / total, s.until() == null));
        }
        out.sort(Comparator.comparing(Band::from));
        return out;
    }

    /** Time per state within the range, longest first. */
    public record StateTotal(String state, long seconds, double share) {

        public String duration() {
            return MachineViews.duration(seconds);
        }
    }

    static List<StateTotal> totals(List<Band> band, Range range) {
        Map<String, Long> by = new LinkedHashMap<>();
        band.forEach(b -> by.merge(b.state(), b.seconds(), Long::sum));
        double total = Math.max(1, range.seconds());
        return by.entrySet().stream().map(e -> new StateTotal(e.getKey(), e.getValue(), 100.0 * e.getValue() / total))
                .sorted(Comparator.comparingLong(StateTotal::seconds).reversed()).toList();
    }

    /** A duration as hours:minutes:seconds (hours past 24 go on counting), the same in every language. */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
