package org.pilotline.mes.equipment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.equipment.persistence.StateStore.StateSpan;
import org.pilotline.mes.equipment.persistence.UnitCountStore.Totals;

/**
 * Overall equipment effectiveness over a time range, with the losses that explain it.
 * <ul>
 * <li>Planned production time: the time with a reported state, less planned downtime (MAINTENANCE mode).</li>
 * <li>Availability = run time (EXECUTE outside maintenance) / planned production time.</li>
 * <li>Performance = ideal cycle time x units / run time.</li>
 * <li>Quality = good units / units.</li>
 * </ul>
 * A factor without its inputs (no state reported, no ideal cycle time, no units reported) is null, and so is
 * the OEE.
 */
public record Oee(String scope, Instant from, Instant to, Double oee, Double availability, Double performance,
        Double quality, long plannedSeconds, long runSeconds, long plannedDowntimeSeconds, long unreportedSeconds,
        Double idealCycleSeconds, long good, long scrap, List<Loss> losses) {

    /** Time lost and why: availability by state, performance as speed loss, quality as scrap. */
    public record Loss(String category, String cause, long seconds) {
    }

    public static Oee of(String scope, Instant from, Instant to, List<StateSpan> spans, Double idealCycleSeconds,
            Totals units) {
        long reported = 0;
        long maintenance = 0;
        long run = 0;
        Map<String, Long> stopped = new LinkedHashMap<>();
        for (StateSpan s : spans) {
            long seconds = Duration.between(s.from(), s.until()).toSeconds();
            reported += seconds;
            if ("MAINTENANCE".equals(s.mode())) {
                maintenance += seconds;
            } else if ("EXECUTE".equals(s.state())) {
                run += seconds;
            } else {
                stopped.merge(s.state(), seconds, Long::sum);
            }
        }
        long planned = reported - maintenance;
        List<Loss> losses = new ArrayList<>();
        stopped.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> losses.add(new Loss("availability", e.getKey(), e.getValue())));
        // no units reported is no input, not a machine producing nothing: performance and quality stay unknown
        Double idealSeconds = idealCycleSeconds == null || units.total() == 0 ? null
                : idealCycleSeconds * units.total();
        if (idealSeconds != null && run > 0) {
            losses.add(new Loss("performance", "slower than the ideal cycle", Math.max(0, run - Math.round(idealSeconds))));
        }
        if (idealCycleSeconds != null && units.scrap() > 0) {
            losses.add(new Loss("quality", "scrap", Math.round(idealCycleSeconds * units.scrap())));
        }
        Double availability = planned > 0 ? (double) run / planned : null;
        Double performance = idealSeconds != null && run > 0 ? idealSeconds / run : null;
        Double quality = units.total() > 0 ? (double) units.good() / units.total() : null;
        Double oee = availability != null && performance != null && quality != null
                ? availability * performance * quality : null;
        long unreported = Duration.between(from, to).toSeconds() - reported;
        return new Oee(scope, from, to, oee, availability, performance, quality, planned, run, maintenance,
                unreported, idealCycleSeconds, units.good(), units.scrap(), losses);
    }

    /**
     * A line's OEE from its equipment's: sums of the times and units, so that a machine that ran longer weighs
     * more; performance from the equipment that has an ideal cycle time.
     */
    public static Oee ofLine(String scope, Instant from, Instant to, List<Oee> equipment) {
        long planned = 0;
        long run = 0;
        long maintenance = 0;
        long unreported = 0;
        long good = 0;
        long scrap = 0;
        double ideal = 0;
        long runWithIdeal = 0;
        Map<String, Long> lost = new LinkedHashMap<>();
        for (Oee e : equipment) {
            planned += e.plannedSeconds();
            run += e.runSeconds();
            maintenance += e.plannedDowntimeSeconds();
            unreported += e.unreportedSeconds();
            good += e.good();
            scrap += e.scrap();
            if (e.idealCycleSeconds() != null && e.good() + e.scrap() > 0) {
                ideal += e.idealCycleSeconds() * (e.good() + e.scrap());
                runWithIdeal += e.runSeconds();
            }
            for (Loss l : e.losses()) {
                lost.merge(l.category() + '\u0000' + l.cause(), l.seconds(), Long::sum);
            }
        }
        List<Loss> losses = lost.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new Loss(e.getKey().split("\u0000")[0], e.getKey().split("\u0000")[1], e.getValue()))
                .toList();
        Double availability = planned > 0 ? (double) run / planned : null;
        Double performance = runWithIdeal > 0 ? ideal / runWithIdeal : null;
        Double quality = good + scrap > 0 ? (double) good / (good + scrap) : null;
        Double oee = availability != null && performance != null && quality != null
                ? availability * performance * quality : null;
        return new Oee(scope, from, to, oee, availability, performance, quality, planned, run, maintenance,
                unreported, null, good, scrap, losses);
    }
}
