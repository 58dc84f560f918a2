package org.pilotline.mes.quality.api;

import java.time.Instant;
import java.util.List;

/** Bodies of /spc: control charts, capability and Nelson rule violations of a product's characteristic. */
public final class SpcApi {

    private SpcApi() {
    }

    /**
     * A plotted point: an individual value (cell or lot it was measured on) or a subgroup's mean (from/to: its first
     * and last measurement); range: moving range or subgroup range (null for the first individual); rules: the
     * Nelson rules this point completed.
     */
    public record ChartPoint(int index, double value, Double range, Instant from, Instant to, String cell, String lot,
            List<Integer> rules) {
    }

    /** Centre line and limits of the values chart and of the range chart; limitsFromPlan when the plan fixes them. */
    public record Limits(double centre, double lower, double upper, double rangeCentre, double rangeLower,
            double rangeUpper, boolean limitsFromPlan) {
    }

    public record CapabilityView(int n, double mean, double sigmaWithin, double sigmaOverall, Double lsl, Double usl,
            Double cp, Double cpk, Double pp, Double ppk) {
    }

    public record ViolationView(int rule, String description, int at, List<Integer> points) {
    }

    /** chart: IMR or XBAR_R (subgroupSize consecutive measurements per point). */
    public record SpcView(String product, String characteristic, String unit, Integer planVersion, String chart,
            int subgroupSize, Instant from, Instant to, Limits limits, CapabilityView capability,
            List<ChartPoint> points, List<ViolationView> violations) {
    }
}
