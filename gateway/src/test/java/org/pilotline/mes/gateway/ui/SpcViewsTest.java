package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.gateway.ui.SpcViews.Capability;
import org.pilotline.mes.gateway.ui.SpcViews.Limits;
import org.pilotline.mes.gateway.ui.SpcViews.Line;
import org.pilotline.mes.gateway.ui.SpcViews.Point;
import org.pilotline.mes.gateway.ui.SpcViews.Spc;
import org.pilotline.mes.gateway.ui.SpcViews.SpcChart;
import org.pilotline.mes.gateway.ui.SpcViews.Violation;

class SpcViewsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    /** Ten values around 10, the seventh (index 6) far out and marked by rule 1 as the service marks it. */
    private static Spc series(Double lsl, Double usl) {
        List<Point> points = new ArrayList<>();
        double[] x = { 10.1, 9.9, 10.0, 10.2, 9.8, 10.1, 13.5, 10.0, 9.9, 10.1 };
        for (int i = 0; i < x.length; i++) {
            points.add(new Point(i, x[i], i == 0 ? null : Math.abs(x[i] - x[i - 1]), T0.plusSeconds(60 * i),
                    T0.plusSeconds(60 * i), "C-" + i, "LOT-1", i == 6 ? List.of(1) : List.of()));
        }
        return new Spc("P", "THK", "um", 2, "IMR", 1, T0, T0.plusSeconds(3600),
                new Limits(10.0, 9.1, 10.9, 0.3, 0, 0.98, false),
                new Capability(10, 10.35, 0.27, 1.1, lsl, usl, 1.2, 1.1, 0.4, 0.3), points,
                List.of(new Violation(1, "one point more than 3 sigma", 6, List.of(6))));
    }

    @Test
    void onlyThePointThatBrokeARuleIsMarkedWithItsRule() {
        SpcChart chart = SpcViews.chart(series(9.0, 11.0));
        assertEquals(1, chart.marked().size());
        assertEquals(6, chart.marked().get(0).index());
        assertEquals(List.of(1), chart.marked().get(0).rules());
        assertEquals("6", SpcViews.markedIndexes(series(9.0, 11.0)));
        assertEquals(10, chart.values().size());
        assertEquals(null, chart.ranges().get(0), "the first individual has no moving range");
    }

    @Test
    void theControlAndSpecificationLimitsAreLabelledLinesAndTheAxisShowsEveryOne() {
        SpcChart chart = SpcViews.chart(series(8.0, 11.0));
        assertEquals(List.of("UCL", "CL", "LCL", "USL", "LSL"), chart.valueLines().stream().map(Line::kind).toList());
        assertEquals(8.0, chart.valueLines().get(4).value());
        // LSL 8.0 is below every value and the outlier 13.5 above USL: both must be inside the axis
        assertTrue(chart.min() < 8.0 && chart.min() > 7.0, "min " + chart.min());
        assertTrue(chart.max() > 13.5 && chart.max() < 14.5, "max " + chart.max());
        // the moving-range chart has no lower line at zero
        assertEquals(List.of("UCL", "CL"), chart.rangeLines().stream().map(Line::kind).toList());
    }

    @Test
    void aCharacteristicWithOneSpecificationLimitDrawsOnlyThatOne() {
        SpcChart chart = SpcViews.chart(series(null, 11.0));
        assertEquals(List.of("UCL", "CL", "LCL", "USL"), chart.valueLines().stream().map(Line::kind).toList());
    }

    @Test
    void aPatternIsNamedByItsFirstAndLastPointCountedFromOne() {
        assertEquals("7", new Violation(1, "", 6, List.of(6)).pattern());
        assertEquals("3-11", new Violation(2, "", 10, List.of(2, 3, 4, 5, 6, 7, 8, 9, 10)).pattern());
    }

    @Test
    void cpkIsJudgedAsAQualityEngineerReadsIt() {
        assertEquals("capable", SpcViews.verdict(1.33));
        assertEquals("marginal", SpcViews.verdict(1.0));
        assertEquals("incapable", SpcViews.verdict(0.99));
        assertEquals("none", SpcViews.verdict(null));
    }
}
