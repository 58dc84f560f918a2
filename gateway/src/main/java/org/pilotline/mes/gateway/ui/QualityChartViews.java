package org.pilotline.mes.gateway.ui;

import org.pilotline.mes.gateway.session.UiSession;

import com.fasterxml.jackson.core.type.TypeReference;

import java.util.concurrent.CompletableFuture;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.gateway.session.Person;

/**
 * The quality service's answers behind the Pareto, grading and stage charts as the UI reads them, who may see them,
 * and the data each chart draws. Kept here, apart from the resources, so that what a chart shows is tested without
 * a browser.
 */
public final class QualityChartViews {

    /** The periods offered, in days: a shift's day, a week, a month, a quarter, a year. */
    static final List<Integer> PERIODS = List.of(1, 7, 30, 90, 365);
    /** Stages in the order a format grows up: 1 Ah sample to 60 Ah production. */
    static final List<String> STAGES = List.of("SAMPLE", "VALIDATION", "PROCESS", "PRODUCTION");

    private QualityChartViews() {
    }

    /** Who may read the charts (the services check again): everyone but the operator at a station. */
    /** The products work-orders knows, for a chart's product choice (every chart page asks the same). */
    static CompletableFuture<StationViews.Page<Product>> products(ServiceClient services, UiSession s) {
        return services.getAsync(s, "work-orders", "/products?size=500",
                new TypeReference<StationViews.Page<Product>>() {
                });
    }

    /** The start of a period of {@code days} ending now, as a query parameter's value. */
    static String fromParam(int days) {
        return ServiceClient.seg(since(days, Instant.now()).toString());
    }

    static boolean mayView(Person p) {
        return p.has(Roles.SUPERVISOR) || p.has(Roles.QUALITY) || p.has(Roles.AUDITOR) || p.has(Roles.ADMIN);
    }

    /** Who may import a cycler's file: those who run formation and grading, and quality; never an auditor. */
    static boolean mayUpload(Person p) {
        return p.has(Roles.OPERATOR) || p.has(Roles.SUPERVISOR) || p.has(Roles.QUALITY);
    }

    /** The period asked for, one of {@link #PERIODS}, or the page's default. */
    static int days(Integer asked, int otherwise) {
        return asked != null && PERIODS.contains(asked) ? asked : otherwise;
    }

    static Instant since(int days, Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    // ---- what the services answer ---------------------------------------------------------------------------------

    public record Product(String code, String name, String stage) {
    }

    public record Characteristic(String code, String name, String unit, String operation) {
    }

    public record Plan(String product, Integer version, List<Characteristic> characteristics) {
    }

    public record ParetoBar(String defectCode, long count, double percent, double cumulativePercent) {
    }

    public record Pareto(String product, Instant from, Instant to, long total, List<ParetoBar> bars) {
    }

    public record Bin(String grade, BigDecimal capacityMinAh, BigDecimal capacityMaxAh, BigDecimal acirMaxMohm,
            BigDecimal kValueMaxMvPerDay, BigDecimal ocvMinV, BigDecimal ocvMaxV) {

        /** The bin's bounds in the plant's notation, e.g. "≥ 60.5 Ah · ACIR ≤ 1.2 mOhm · K ≤ 0.3 mV/day". */
        public String bounds() {
            List<String> b = new ArrayList<>();
            range(b, "", capacityMinAh, capacityMaxAh, "Ah");
            if (acirMaxMohm != null) {
                b.add("ACIR ≤ " + plain(acirMaxMohm) + " mOhm");
            }
            if (kValueMaxMvPerDay != null) {
                b.add("K ≤ " + plain(kValueMaxMvPerDay) + " mV/day");
            }
            range(b, "OCV ", ocvMinV, ocvMaxV, "V");
            return String.join(" · ", b);
        }

        private static void range(List<String> b, String name, BigDecimal min, BigDecimal max, String unit) {
            if (min != null && max != null) {
                b.add(name + plain(min) + "–" + plain(max) + " " + unit);
            } else if (min != null) {
                b.add(name + "≥ " + plain(min) + " " + unit);
            } else if (max != null) {
                b.add(name + "≤ " + plain(max) + " " + unit);
            }
        }

        private static String plain(BigDecimal v) {
            return v.stripTrailingZeros().toPlainString();
        }
    }

    public record GradeCount(String grade, long cells, double percent) {
    }

    public record Distribution(String product, Instant from, Instant to, long cells, List<GradeCount> bins,
            long outsideEveryBin, double outsidePercent) {
    }

    public record CharacteristicCapability(String characteristic, int n, Double mean, Double cpk, Double ppk) {
    }

    public record StageRow(String stage, String product, long cellsMeasured, long cellsPassed, Double yieldPct,
            List<CharacteristicCapability> characteristics) {

        /** The capability of one characteristic, or null when the service sent none. */
        public CharacteristicCapability of(String code) {
            return characteristics == null ? null : characteristics.stream()
                    .filter(c -> c.characteristic().equals(code)).findFirst().orElse(null);
        }
    }

    public record StageComparison(Instant from, Instant to, List<String> characteristics, List<StageRow> stages) {
    }

    // ---- what the charts draw -------------------------------------------------------------------------------------

    /** Bars by count, left axis; the running share as a line, right axis (0-100 %). */
    public record ParetoChart(List<String> codes, List<Long> counts, List<Double> cumulative) {
    }

    static ParetoChart pareto(Pareto p) {
        return new ParetoChart(p.bars().stream().map(ParetoBar::defectCode).toList(),
                p.bars().stream().map(ParetoBar::count).toList(),
                p.bars().stream().map(ParetoBar::cumulativePercent).toList());
    }

    /** One bar per bin, best first, then the cells outside every bin (outside: true, drawn apart). */
    public record GradeBar(String grade, long cells, double percent, boolean outside) {
    }

    public record GradingChart(List<GradeBar> bars) {
    }

    static GradingChart grading(Distribution d) {
        List<GradeBar> bars = new ArrayList<>(d.bins().stream().map(b -> new GradeBar(b.grade(), b.cells(),
                b.percent(), false)).toList());
        bars.add(new GradeBar(null, d.outsideEveryBin(), d.outsidePercent(), true));
        return new GradingChart(bars);
    }

    /** The stages in the order a format grows up, then by product code. */
    static List<StageRow> ordered(List<StageRow> rows) {
        return rows.stream().sorted(Comparator.<StageRow>comparingInt(r -> STAGES.indexOf(r.stage()) < 0
                ? STAGES.size() : STAGES.indexOf(r.stage())).thenComparing(StageRow::product)).toList();
    }

    /**
     * Per product (x, labelled with its stage): grouped bars of each characteristic's Cpk (null where too few
     * values), and the yield as a line on its own axis.
     */
    public record StagesChart(List<String> products, List<String> stages, List<Double> yields,
            Map<String, List<Double>> cpk) {
    }

    static StagesChart stages(StageComparison c) {
        List<StageRow> rows = ordered(c.stages());
        Map<String, List<Double>> cpk = new java.util.LinkedHashMap<>();
        for (String code : c.characteristics()) {
            cpk.put(code, rows.stream().map(r -> r.of(code) == null ? null : round2(r.of(code).cpk())).toList());
        }
        return new StagesChart(rows.stream().map(StageRow::product).toList(), rows.stream().map(StageRow::stage)
                .toList(), rows.stream().map(StageRow::yieldPct).toList(), cpk);
    }

    static Double round2(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}
