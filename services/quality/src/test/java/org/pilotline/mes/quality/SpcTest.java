package org.pilotline.mes.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.quality.domain.Capability;
import org.pilotline.mes.quality.domain.ControlCharts;
import org.pilotline.mes.quality.domain.ControlCharts.Chart;
import org.pilotline.mes.quality.domain.NelsonRules;
import org.pilotline.mes.quality.domain.NelsonRules.Violation;

/** Charts, capability and the Nelson rules against values worked out by hand. */
class SpcTest {

    /** Ten film thicknesses (um), mean 10.0; moving ranges sum to 2.4, squared deviations to 0.30. */
    private static final double[] FILM = { 10.1, 9.9, 10.0, 10.2, 9.8, 10.1, 10.0, 9.9, 10.3, 9.7 };
    private static final Set<Integer> ALL = Set.of(1, 2, 3, 4, 5, 6, 7, 8);

    @Test
    void individualsChartLimitsComeFromTheAverageMovingRange() {
        Chart c = ControlCharts.individuals(FILM, null, null);
        // MR-bar = 2.4 / 9 = 0.26667; sigma = MR-bar / 1.128 = 0.23641; limits 10 +- 3 sigma
        assertEquals(10.0, c.centre(), 1e-9);
        assertEquals(10.70922, c.upper(), 1e-5);
        assertEquals(9.29078, c.lower(), 1e-5);
        assertEquals(0.26667, c.rangeCentre(), 1e-5);
        assertEquals(0.87120, c.rangeUpper(), 1e-5); // D4 = 3.267
        assertEquals(0.23641, c.sigmaWithin(), 1e-5);
    }

    @Test
    void meansChartUsesSubgroupRanges() {
        Chart c = ControlCharts.means(FILM, 5, null, null);
        // subgroups: mean 10.0 range 0.4, mean 10.0 range 0.6; R-bar 0.5; A2(5) = 0.577, d2(5) = 2.326
        assertEquals(2, c.values().length);
        assertEquals(10.2885, c.upper(), 1e-9);
        assertEquals(9.7115, c.lower(), 1e-9);
        assertEquals(1.057, c.rangeUpper(), 1e-9); // D4(5) = 2.114
        assertEquals(0.5 / 2.326, c.sigmaWithin(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ControlCharts.means(FILM, 11, null, null));
        assertThrows(IllegalArgumentException.class, () -> ControlCharts.means(FILM, 6, null, null),
                "one full subgroup of six is not a chart");
    }

    @Test
    void limitsFixedByThePlanReplaceTheComputedOnes() {
        Chart c = ControlCharts.individuals(FILM, 9.5, 10.5);
        assertEquals(10.0, c.centre(), 1e-9);
        assertEquals(10.5, c.upper(), 1e-9);
        assertEquals(1.0 / 6, c.sigma(), 1e-9);
    }

    @Test
    void capabilityOfAKnownDataSetMatchesTheHandCalculation() {
        Chart c = ControlCharts.individuals(FILM, null, null);
        Capability cap = Capability.of(FILM, c.sigmaWithin(), 9.5, 10.9);
        // sigma within 0.236407; sigma overall sqrt(0.30 / 9) = 0.182574
        // Cp = 1.4 / (6 * 0.236407) = 0.98700; Cpk = min(0.9, 0.5) / (3 * 0.236407) = 0.70500
        // Pp = 1.4 / (6 * 0.182574) = 1.27802; Ppk = 0.5 / (3 * 0.182574) = 0.91287
        assertEquals(0.98700, cap.cp(), 1e-5);
        assertEquals(0.70500, cap.cpk(), 1e-5);
        assertEquals(1.27802, cap.pp(), 1e-5);
        assertEquals(0.91287, cap.ppk(), 1e-5);

        Capability upperOnly = Capability.of(FILM, c.sigmaWithin(), null, 10.9);
        assertNull(upperOnly.cp(), "Cp needs both limits");
        assertEquals(0.9 / (3 * 0.2364066), upperOnly.cpk(), 1e-5);
    }

    @Test
    void rule1OnePointBeyondThreeSigma() {
        assertRules(Set.of(1), new double[] { 0, 0.5, 3.5 });
        assertEquals(List.of(new Violation(1, NelsonRules.describe(1), 2, List.of(2))),
                NelsonRules.check(new double[] { 0, 0.5, 3.5 }, 0, 1, ALL));
    }

    @Test
    void rule2NinePointsOnOneSide() {
        assertRules(Set.of(), new double[] { .5, .4, .5, .4, .6, .5, .6, .7 }); // eight, and no alternation
        assertRules(Set.of(2), new double[] { .5, .4, .5, .4, .6, .5, .6, .7, .6 });
    }

    @Test
    void rule3SixPointsTrending() {
        assertRules(Set.of(), new double[] { -1, -.5, 0, .5, 1 });
        assertRules(Set.of(3), new double[] { -1, -.5, 0, .5, .8, .9 });
    }

    @Test
    void rule4FourteenPointsAlternating() {
        double[] x = new double[14];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? .5 : -.5;
        }
        assertRules(Set.of(4), x);
        assertRules(Set.of(), java.util.Arrays.copyOf(x, 13));
    }

    @Test
    void rule5TwoOfThreeBeyondTwoSigma() {
        assertRules(Set.of(5), new double[] { 0, 2.5, 0, 2.5 });
        assertRules(Set.of(), new double[] { 0, 2.5, 0, -2.5 }); // on opposite sides
    }

    @Test
    void rule6FourOfFiveBeyondOneSigma() {
        assertRules(Set.of(6), new double[] { 1.5, 1.5, 0, 1.5, 1.5 });
        assertRules(Set.of(), new double[] { 1.5, 1.5, 0, 1.5, 0 });
    }

    @Test
    void rule7FifteenPointsHuggingTheCentre() {
        double[] x = new double[15];
        double[] cycle = { .1, .2, -.1, -.2 };
        for (int i = 0; i < x.length; i++) {
            x[i] = cycle[i % 4];
        }
        assertRules(Set.of(7), x);
        assertRules(Set.of(), java.util.Arrays.copyOf(x, 14));
    }

    @Test
    void rule8EightPointsAvoidingTheCentre() {
        assertRules(Set.of(8), new double[] { 1.5, 1.6, -1.5, -1.6, 1.5, 1.6, -1.5, -1.6 });
        assertRules(Set.of(), new double[] { 1.5, 1.6, -1.5, -1.6, 1.5, 1.6, -1.5, -0.6 });
    }

    @Test
    void onlyTheRulesAskedForAreChecked() {
        assertEquals(List.of(), NelsonRules.check(new double[] { 0, 0.5, 3.5 }, 0, 1, Set.of(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> NelsonRules.check(new double[] { 1 }, 0, 1, Set.of(9)));
    }

    /** The rules any point of the series violates, centre 0 and sigma 1, are exactly these. */
    private static void assertRules(Set<Integer> expected, double[] x) {
        Set<Integer> found = new TreeSet<>();
        NelsonRules.check(x, 0, 1, ALL).forEach(v -> found.add(v.rule()));
        assertEquals(new TreeSet<>(expected), found, java.util.Arrays.toString(x));
    }
}
