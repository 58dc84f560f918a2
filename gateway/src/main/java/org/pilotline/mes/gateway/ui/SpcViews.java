package org.pilotline.mes.gateway.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The quality service's control chart (GET /spc/{product}/{characteristic}) as the UI reads it, and what the SPC
 * page draws from it: the points, which of them are marked with the Nelson rules they completed, the labelled
 * lines, and a value axis wide enough to show every limit (a line outside the axis would silently vanish).
 */
public final class SpcViews {

    private SpcViews() {
    }

    /** A plotted point: an individual or a subgroup's mean; rules: the Nelson rules this point completed. */
    public record Point(int index, double value, Double range, Instant from, Instant to, String cell, String lot,
            List<Integer> rules) {

        public boolean marked() {
            return rules != null && !rules.isEmpty();
        }

        /** The item it was measured on, as a person reads it. */
        public String item() {
            return cell != null ? cell : lot != null ? lot : "";
        }

        /** Its number on the chart, counted from 1 as a person counts. */
        public int number() {
            return index + 1;
        }
    }

    public record Limits(double centre, double lower, double upper, double rangeCentre, double rangeLower,
            double rangeUpper, boolean limitsFromPlan) {
    }

    public record Capability(int n, double mean, double sigmaWithin, double sigmaOverall, Double lsl, Double usl,
            Double cp, Double cpk, Double pp, Double ppk) {
    }

    /** A broken Nelson rule: at is the point that completed it, points every point of its pattern. */
    public record Violation(int rule, String description, int at, List<Integer> points) {

        /** The pattern's points as a person counts them: "12" or "12-20". */
        public String pattern() {
            if (points == null || points.size() <= 1) {
                return String.valueOf(at + 1);
            }
            int first = points.stream().mapToInt(Integer::intValue).min().orElse(at);
            int last = points.stream().mapToInt(Integer::intValue).max().orElse(at);
            return (first + 1) + "-" + (last + 1);
        }
    }

    public record Spc(String product, String characteristic, String unit, Integer planVersion, String chart,
            int subgroupSize, Instant from, Instant to, Limits limits, Capability capability, List<Point> points,
            List<Violation> violations) {

        public boolean individuals() {
            return !"XBAR_R".equals(chart);
        }

        public Point point(int index) {
            return index >= 0 && index < points.size() ? points.get(index) : null;
        }
    }

    /** A horizontal line of a chart: kind UCL, CL, LCL (control) or USL, LSL (specification). */
    public record Line(String kind, double value) {
    }

    /** A marked point and the rules it completed. */
    public record Marked(int index, List<Integer> rules) {
    }

    /**
     * What quality-charts.js draws: the values chart above (with its control and specification lines and the marked
     * points) and the range chart below; times for the tooltip.
     */
    public record SpcChart(String chart, String unit, List<String> times, List<String> items, List<Double> values,
            List<Double> ranges, List<Marked> marked, List<Line> valueLines, List<Line> rangeLines, double min,
            double max) {
    }

    /** The chart data of a control chart. */
    public static SpcChart chart(Spc spc) {
        List<String> times = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> ranges = new ArrayList<>();
        List<Marked> marked = new ArrayList<>();
        for (Point p : spc.points()) {
            times.add(String.valueOf(p.to() != null ? p.to() : p.from()));
            items.add(p.item());
            values.add(p.value());
            ranges.add(p.range());
            if (p.marked()) {
                marked.add(new Marked(p.index(), List.copyOf(p.rules())));
            }
        }
        Limits l = spc.limits();
        List<Line> valueLines = new ArrayList<>(List.of(new Line("UCL", l.upper()), new Line("CL", l.centre()),
                new Line("LCL", l.lower())));
        Capability c = spc.capability();
        if (c != null && c.usl() != null) {
            valueLines.add(new Line("USL", c.usl()));
        }
        if (c != null && c.lsl() != null) {
            valueLines.add(new Line("LSL", c.lsl()));
        }
        List<Line> rangeLines = new ArrayList<>(List.of(new Line("UCL", l.rangeUpper()), new Line("CL",
                l.rangeCentre())));
        if (l.rangeLower() > 0) {
            rangeLines.add(new Line("LCL", l.rangeLower()));
        }
        double lo = Math.min(values.stream().mapToDouble(Double::doubleValue).min().orElse(l.lower()),
                valueLines.stream().mapToDouble(Line::value).min().orElse(l.lower()));
        double hi = Math.max(values.stream().mapToDouble(Double::doubleValue).max().orElse(l.upper()),
                valueLines.stream().mapToDouble(Line::value).max().orElse(l.upper()));
        double span = hi > lo ? hi - lo : Math.max(Math.abs(hi) * 0.1, 1);
        double step = Math.pow(10, Math.floor(Math.log10(span)) - 1); // bounds on a tidy step of the span
        return new SpcChart(spc.chart(), spc.unit(), times, items, values, ranges, marked, valueLines, rangeLines,
                tidy(Math.floor((lo - span * 0.08) / step) * step), tidy(Math.ceil((hi + span * 0.08) / step) * step));
    }

    /** The indexes of the marked points, comma-separated: the chart's {@code data-marked}, for people and tests. */
    public static String markedIndexes(Spc spc) {
        return spc.points().stream().filter(Point::marked).map(p -> String.valueOf(p.index()))
                .collect(Collectors.joining(","));
    }

    /** Cpk as a quality engineer reads it: capable from 1.33, marginal from 1.0, else not capable. */
    public static String verdict(Double cpk) {
        if (cpk == null) {
            return "none";
        }
        return cpk >= 1.33 ? "capable" : cpk >= 1.0 ? "marginal" : "incapable";
    }

    /** An axis bound without the binary fraction's tail (9.700000000000001). */
    static double tidy(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).doubleValue();
    }
}
