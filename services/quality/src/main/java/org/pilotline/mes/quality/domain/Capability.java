package org.pilotline.mes.quality.domain;

/**
 * Process capability against the specification limits: Cp and Cpk with sigma within (from the chart's ranges, the
 * short-term variation), Pp and Ppk with the overall sample standard deviation. With one limit only, Cp and Pp have
 * no meaning (null) and Cpk/Ppk use the side there is.
 */
public record Capability(int n, double mean, double sigmaWithin, double sigmaOverall, Double cp, Double cpk,
        Double pp, Double ppk) {

    public static Capability of(double[] values, double sigmaWithin, Double lsl, Double usl) {
        double mean = ControlCharts.mean(values);
        double overall = values.length > 1 ? ControlCharts.stdev(values) : Double.NaN;
        return new Capability(values.length, mean, sigmaWithin, overall, spread(lsl, usl, sigmaWithin),
                centred(mean, lsl, usl, sigmaWithin), spread(lsl, usl, overall), centred(mean, lsl, usl, overall));
    }

    private static Double spread(Double lsl, Double usl, double sigma) {
        return lsl == null || usl == null || !(sigma > 0) ? null : (usl - lsl) / (6 * sigma);
    }

    private static Double centred(double mean, Double lsl, Double usl, double sigma) {
        if (!(sigma > 0) || (lsl == null && usl == null)) {
            return null;
        }
        double upper = usl == null ? Double.MAX_VALUE : (usl - mean) / (3 * sigma);
        double lower = lsl == null ? Double.MAX_VALUE : (mean - lsl) / (3 * sigma);
        return Math.min(upper, lower);
    }
}
