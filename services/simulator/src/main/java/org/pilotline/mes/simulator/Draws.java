package org.pilotline.mes.simulator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values a machine reads, around the target of a routing's parameter or characteristic (its lower and upper limit,
 * either may be open): a process parameter always within its limits, a measurement within them except now and then
 * ({@code outOfLimitChance}), when it lands a little outside one limit.
 */
final class Draws {

    private final Random random;
    private final double outOfLimitChance;

    Draws(Random random, double outOfLimitChance) {
        this.random = random;
        this.outOfLimitChance = outOfLimitChance;
    }

    /** A measurement's value and whether it was drawn outside its limits. */
    record Reading(double value, boolean outside) {
    }

    /** A process parameter as the machine ran it: near target, within the limits. */
    double parameter(JsonNode spec) {
        Spread s = Spread.of(spec);
        double v = s.centre + random.nextGaussian() * s.sigma;
        if (s.lower != null) {
            v = Math.max(v, s.lower);
        }
        if (s.upper != null) {
            v = Math.min(v, s.upper);
        }
        return round(v, spec);
    }

    /** A measurement: mostly within the limits, now and then just outside one. */
    Reading measurement(JsonNode spec) {
        Spread s = Spread.of(spec);
        if ((s.lower != null || s.upper != null) && random.nextDouble() < outOfLimitChance) {
            double beyond = (0.5 + 1.5 * random.nextDouble()) * Math.max(s.sigma, Math.abs(s.centre) * 0.01);
            double v = s.upper != null ? s.upper + beyond : s.lower - beyond;
            return new Reading(round(v, spec), true);
        }
        double v = s.centre + random.nextGaussian() * s.sigma;
        if (s.lower != null) {
            v = Math.max(v, s.lower + s.sigma * 0.1);
        }
        if (s.upper != null) {
            v = Math.min(v, s.upper - s.sigma * 0.1);
        }
        return new Reading(round(v, spec), false);
    }

    /** Where a value sits (the target; else between the limits; else well inside the one limit) and its spread. */
    private record Spread(Double lower, Double upper, double centre, double sigma) {

        static Spread of(JsonNode spec) {
            Double lo = number(spec, "lowerLimit"), hi = number(spec, "upperLimit"), t = number(spec, "target");
            double c;
            if (t != null) {
                c = t;
            } else if (lo != null && hi != null) {
                c = (lo + hi) / 2;
            } else if (hi != null) {
                c = hi > 0 ? hi * 0.6 : hi - 1;
            } else if (lo != null) {
                c = lo > 0 ? lo * 1.25 : lo + 1;
            } else {
                c = 1;
            }
            double room = Double.MAX_VALUE;
            if (lo != null) {
                room = Math.min(room, c - lo);
            }
            if (hi != null) {
                room = Math.min(room, hi - c);
            }
            double sigma = room == Double.MAX_VALUE ? Math.abs(c) * 0.02 : Math.max(0, room) / 5;
            return new Spread(lo, hi, c, sigma);
        }

        private static Double number(JsonNode spec, String field) {
            JsonNode n = spec.get(field);
            return n == null || n.isNull() ? null : n.asDouble();
        }
    }

    /** Counts are whole; everything else keeps four significant digits (a leak rate of 1e-7 included). */
    private static double round(double v, JsonNode spec) {
        if ("count".equals(spec.path("unit").asText())) {
            return Math.round(v);
        }
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(4)).doubleValue();
    }
}
