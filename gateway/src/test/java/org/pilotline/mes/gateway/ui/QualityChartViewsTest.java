package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.gateway.session.Person;
import org.pilotline.mes.gateway.ui.QualityChartViews.Bin;
import org.pilotline.mes.gateway.ui.QualityChartViews.CharacteristicCapability;
import org.pilotline.mes.gateway.ui.QualityChartViews.Distribution;
import org.pilotline.mes.gateway.ui.QualityChartViews.GradeCount;
import org.pilotline.mes.gateway.ui.QualityChartViews.GradingChart;
import org.pilotline.mes.gateway.ui.QualityChartViews.Pareto;
import org.pilotline.mes.gateway.ui.QualityChartViews.ParetoBar;
import org.pilotline.mes.gateway.ui.QualityChartViews.StageComparison;
import org.pilotline.mes.gateway.ui.QualityChartViews.StageRow;
import org.pilotline.mes.gateway.ui.QualityChartViews.StagesChart;

class QualityChartViewsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");

    private static Person person(String... roles) {
        return new Person("s", "u", "U", Set.copyOf(Arrays.asList(roles)), NOW, null);
    }

    @Test
    void chartsAreForThoseWhoJudgeQualityAndUploadsForThoseWhoRunTheCyclers() {
        assertFalse(QualityChartViews.mayView(person(Roles.OPERATOR)));
        assertTrue(QualityChartViews.mayView(person(Roles.AUDITOR)));
        assertTrue(QualityChartViews.mayView(person(Roles.SUPERVISOR)));
        assertTrue(QualityChartViews.mayUpload(person(Roles.OPERATOR)));
        assertFalse(QualityChartViews.mayUpload(person(Roles.AUDITOR)), "auditors change nothing");
        assertFalse(QualityChartViews.mayUpload(person(Roles.ADMIN)));
    }

    @Test
    void onlyTheOfferedPeriodsAreTaken() {
        assertEquals(7, QualityChartViews.days(7, 30));
        assertEquals(30, QualityChartViews.days(8, 30));
        assertEquals(30, QualityChartViews.days(null, 30));
        assertEquals(Instant.parse("2026-11-27T06:00:00Z"), QualityChartViews.since(7, NOW));
    }

    @Test
    void theParetoDrawsCountsAsBarsAndTheRunningShareAsALine() {
        var chart = QualityChartViews.pareto(new Pareto(null, NOW, NOW, 4, List.of(new ParetoBar("SEAL", 3, 75, 75),
                new ParetoBar("DENT", 1, 25, 100))));
        assertEquals(List.of("SEAL", "DENT"), chart.codes());
        assertEquals(List.of(3L, 1L), chart.counts());
        assertEquals(List.of(75.0, 100.0), chart.cumulative());
    }

    @Test
    void theCellsOutsideEveryBinAreTheLastBarAndStandApart() {
        GradingChart chart = QualityChartViews.grading(new Distribution("P", NOW, NOW, 4, List.of(
                new GradeCount("A", 2, 50), new GradeCount("B", 1, 25)), 1, 25));
        assertEquals(3, chart.bars().size());
        assertEquals("A", chart.bars().get(0).grade());
        assertTrue(chart.bars().get(2).outside());
        assertEquals(1, chart.bars().get(2).cells());
        assertFalse(chart.bars().get(0).outside());
    }

    @Test
    void aBinsBoundsReadInThePlantsNotation() {
        assertEquals("≥ 60.5 Ah · ACIR ≤ 1.2 mOhm · K ≤ 0.3 mV/day", new Bin("A", new BigDecimal("60.500000"), null,
                new BigDecimal("1.200000"), new BigDecimal("0.3"), null, null).bounds());
        assertEquals("58–62 Ah · OCV ≥ 3.6 V", new Bin("B", new BigDecimal("58"), new BigDecimal("62"), null, null,
                new BigDecimal("3.6"), null).bounds());
    }

    @Test
    void stagesRunFromSampleToProductionWithEachCharacteristicsCpk() {
        StageRow production = new StageRow("PRODUCTION", "P60", 100, 95, 95.0, List.of(
                new CharacteristicCapability("OCV", 100, 3.7, 1.456, 1.3)));
        StageRow sample = new StageRow("SAMPLE", "P1", 10, 8, 80.0, List.of(
                new CharacteristicCapability("OCV", 10, 2.2, 0.912, 0.8)));
        StagesChart chart = QualityChartViews.stages(new StageComparison(NOW, NOW, List.of("OCV", "ACIR"),
                List.of(production, sample)));
        assertEquals(List.of("P1", "P60"), chart.products());
        assertEquals(List.of("SAMPLE", "PRODUCTION"), chart.stages());
        assertEquals(List.of(80.0, 95.0), chart.yields());
        assertEquals(List.of(0.91, 1.46), chart.cpk().get("OCV"));
        assertEquals(Arrays.asList(null, null), chart.cpk().get("ACIR"), "no values: no bar, not a zero");
    }
}
