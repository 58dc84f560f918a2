package org.pilotline.mes.quality.domain;

import java.util.Arrays;

/**
 * Shewhart charts from measured values: individuals and moving range (I-MR) and subgroup means and ranges (X-bar/R),
 * with the usual table constants. Limits come from the data unless the plan fixes them.
 */
public final class ControlCharts {

    /** d2, A2, D3, D4 by subgroup size 2..10 (index = size). */
    private static final double[] D2 = { 0, 0, 1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.970, 3.078 };
    private static final double[] A2 = { 0, 0, 1.880, 1.023, 0.729, 0.577, 0.483, 0.419, 0.373, 0.337, 0.308 };
    private static final double[] D3 = { 0, 0, 0, 0, 0, 0, 0, 0.076, 0.136, 0.184, 0.223 };
    private static final double[] D4 = { 0, 0, 3.267, 2.574, 2.282, 2.114, 2.004, 1.924, 1.864, 1.816, 1.777 };

    public static final int MAX_SUBGROUP = 10;

    /**
     * A chart: the plotted values (individuals or subgroup means) and their ranges (moving range: none for the
     * first point), the centre line and limits of both, and sigma within (range-bar / d2) for capability.
     */
    public record Chart(String type, int subgroupSize, double[] values, double[] ranges, double centre, double lower,
            double upper, double rangeCentre, double rangeLower, double rangeUpper, double sigmaWithin,
            boolean limitsFromPlan) {

        /** Sigma of the plotted values, for the Nelson rules. */
        public double sigma() {
            return (upper - centre) / 3;
        }
    }

    private ControlCharts() {
    }

    /**
     * Individuals and moving range of two. Fixed limits (both non-null) replace the computed ones for the
     * individuals; the centre is then their midpoint.
     */
    public static Chart individuals(double[] x, Double fixedLower, Double fixedUpper) {
        if (x.length < 2) {
            throw new IllegalArgumentException("an I-MR chart needs at least two values");
        }
        double[] mr = new double[x.length];
        mr[0] = Double.NaN;
        double mrSum = 0;
        for (int i = 1; i < x.length; i++) {
            mr[i] = Math.abs(x[i] - x[i - 1]);
            mrSum += mr[i];
        }
        double mrBar = mrSum / (x.length - 1);
        double sigma = mrBar / D2[2];
        double mean = mean(x);
        boolean fixed = fixedLower != null && fixedUpper != null;
        double centre = fixed ? (fixedLower + fixedUpper) / 2 : mean;
        double lower = fixed ? fixedLower : mean - 3 * sigma;
        double upper = fixed ? fixedUpper : mean + 3 * sigma;
        return new Chart("IMR", 1, x, mr, centre, lower, upper, mrBar, D3[2] * mrBar, D4[2] * mrBar, sigma, fixed);
    }

    /** X-bar and R of consecutive subgroups of n (2..10); a last incomplete subgroup is left out. */
    public static Chart means(double[] x, int n, Double fixedLower, Double fixedUpper) {
        if (n < 2 || n > MAX_SUBGROUP) {
            throw new IllegalArgumentException("subgroup size is 2 to " + MAX_SUBGROUP);
        }
        int groups = x.length / n;
        if (groups < 2) {
            throw new IllegalArgumentException("an X-bar/R chart needs at least two subgroups of " + n);
        }
        double[] means = new double[groups];
        double[] ranges = new double[groups];
        for (int g = 0; g < groups; g++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double sum = 0;
            for (int k = g * n; k < (g + 1) * n; k++) {
                sum += x[k];
                min = Math.min(min, x[k]);
                max = Math.max(max, x[k]);
            }
            means[g] = sum / n;
            ranges[g] = max - min;
        }
        double grand = mean(means);
        double rBar = mean(ranges);
        boolean fixed = fixedLower != null && fixedUpper != null;
        double centre = fixed ? (fixedLower + fixedUpper) / 2 : grand;
        double lower = fixed ? fixedLower : grand - A2[n] * rBar;
        double upper = fixed ? fixedUpper : grand + A2[n] * rBar;
        return new Chart("XBAR_R", n, means, ranges, centre, lower, upper, rBar, D3[n] * rBar, D4[n] * rBar,
                rBar / D2[n], fixed);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation (n - 1). */
    static double stdev(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** The values an X-bar/R chart of subgroups of n used (a last incomplete subgroup is left out). */
    static double[] used(double[] x, int n) {
        return n <= 1 ? x : Arrays.copyOf(x, (x.length / n) * n);
    }
}
