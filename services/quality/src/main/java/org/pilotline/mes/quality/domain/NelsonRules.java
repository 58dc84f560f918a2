package org.pilotline.mes.quality.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The eight Nelson rules on a series of chart points, against the chart's centre line and sigma. A violation is
 * reported at the point that completes the pattern, with every point of the pattern, so a chart can mark them.
 */
public final class NelsonRules {

    /** Rule number (1-8), what it means, the point that completed it and every point of the pattern. */
    public record Violation(int rule, String description, int at, List<Integer> points) {
    }

    static final String[] DESCRIPTIONS = {
        null,
        "one point more than 3 sigma from the centre line",
        "nine points in a row on the same side of the centre line",
        "six points in a row steadily increasing or decreasing",
        "fourteen points in a row alternating up and down",
        "two of three points in a row more than 2 sigma from the centre line, on the same side",
        "four of five points in a row more than 1 sigma from the centre line, on the same side",
        "fifteen points in a row within 1 sigma of the centre line",
        "eight points in a row more than 1 sigma from the centre line, on either side"
    };

    private NelsonRules() {
    }

    public static String describe(int rule) {
        return DESCRIPTIONS[rule];
    }

    /** All eight rules: what a chart is checked against when the plan names none. */
    public static final Set<Integer> ALL = Set.of(1, 2, 3, 4, 5, 6, 7, 8);

    /**
     * Every violation of the given rules in the series, in the order of the points that complete them; a run that
     * goes on (ten points on one side) is reported at each point that extends it.
     */
    public static List<Violation> check(double[] x, double centre, double sigma, Set<Integer> rules) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.addAll(completedAt(x, i, centre, sigma, rules));
        }
        return out;
    }

    /** The violations point i completes: what a new point adds to a chart, without checking the rest again. */
    public static List<Violation> completedAt(double[] x, int i, double centre, double sigma, Set<Integer> rules) {
        List<Violation> out = new ArrayList<>();
        if (sigma <= 0 || Double.isNaN(sigma)) {
            return out;
        }
        for (int rule : new TreeSet<>(rules)) {
            List<Integer> pattern = completes(rule, x, i, centre, sigma);
            if (pattern != null) {
                out.add(new Violation(rule, DESCRIPTIONS[rule], i, pattern));
            }
        }
        return out;
    }

    /** The points of the pattern of the rule that point i completes, or null. */
    private static List<Integer> completes(int rule, double[] x, int i, double centre, double sigma) {
        return switch (rule) {
            case 1 -> Math.abs(x[i] - centre) > 3 * sigma ? List.of(i) : null;
            case 2 -> run(x, i, 9, k -> Math.signum(x[k] - centre), true);
            case 3 -> trend(x, i, 6);
            case 4 -> alternating(x, i, 14);
            case 5 -> beyond(x, i, 3, 2, centre, 2 * sigma);
            case 6 -> beyond(x, i, 5, 4, centre, sigma);
            case 7 -> run(x, i, 15, k -> Math.abs(x[k] - centre) < sigma ? 1.0 : 0.0, false);
            case 8 -> run(x, i, 8, k -> Math.abs(x[k] - centre) > sigma ? 1.0 : 0.0, false);
            default -> throw new IllegalArgumentException("Nelson rules are 1 to 8, not " + rule);
        };
    }

    /**
     * n points ending at i with the same nonzero class; with sameSign false the class must be 1 (a condition that
     * holds) for all.
     */
    private static List<Integer> run(double[] x, int i, int n, java.util.function.IntToDoubleFunction cls,
            boolean sameSign) {
        if (i + 1 < n) {
            return null;
        }
        double first = cls.applyAsDouble(i);
        if (first == 0) {
            return null;
        }
        for (int k = i - n + 1; k <= i; k++) {
            if (cls.applyAsDouble(k) != first) {
                return null;
            }
        }
        return range(i - n + 1, i);
    }

    /** n points in a row each higher (or each lower) than the one before. */
    private static List<Integer> trend(double[] x, int i, int n) {
        if (i + 1 < n) {
            return null;
        }
        boolean up = true;
        boolean down = true;
        for (int k = i - n + 2; k <= i; k++) {
            up &= x[k] > x[k - 1];
            down &= x[k] < x[k - 1];
        }
        return up || down ? range(i - n + 1, i) : null;
    }

    /** n points in a row, each step changing direction. */
    private static List<Integer> alternating(double[] x, int i, int n) {
        if (i + 1 < n) {
            return null;
        }
        for (int k = i - n + 2; k <= i; k++) {
            double step = Math.signum(x[k] - x[k - 1]);
            if (step == 0 || (k > i - n + 2 && step == Math.signum(x[k - 1] - x[k - 2]))) {
                return null;
            }
        }
        return range(i - n + 1, i);
    }

    /** At least m of the n points ending at i beyond the distance on one side; point i itself among them. */
    private static List<Integer> beyond(double[] x, int i, int n, int m, double centre, double distance) {
        if (i + 1 < n) {
            return null;
        }
        for (int side : new int[] { 1, -1 }) {
            if (side * (x[i] - centre) <= distance) {
                continue;
            }
            List<Integer> hits = new ArrayList<>();
            for (int k = i - n + 1; k <= i; k++) {
                if (side * (x[k] - centre) > distance) {
                    hits.add(k);
                }
            }
            if (hits.size() >= m) {
                return hits;
            }
        }
        return null;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            r.add(k);
        }
        return r;
    }
}
