package org.pilotline.mes.quality.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.events.ParameterSpec;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.quality.api.GradingApi.Bin;
import org.pilotline.mes.quality.api.GradingApi.Bins;
import org.pilotline.mes.quality.api.GradingApi.CellResult;
import org.pilotline.mes.quality.api.GradingApi.Distribution;
import org.pilotline.mes.quality.api.GradingApi.GradeCount;
import org.pilotline.mes.quality.api.GradingApi.Graded;
import org.pilotline.mes.quality.api.GradingApi.Import;
import org.pilotline.mes.quality.api.GradingApi.ImportResult;
import org.pilotline.mes.quality.api.NcrApi;
import org.pilotline.mes.quality.api.QualityApi.MeasurementView;
import org.pilotline.mes.quality.persistence.GradingStore;
import org.pilotline.mes.quality.persistence.QualityStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Formation, aging and grading: a cycler's results per cell become measurements judged against the plan in force
 * (OCV as OCV2, K_VALUE from OCV1 and OCV2, ACIR, CAPACITY), the formation stack-pressure log is judged against the
 * routing's STACK_P limits, and the cell takes the first grade bin of its format it fits. A cell outside every bin is
 * a nonconformance (an NCR is opened on it). An import is checked as a whole: one bad row refuses it all.
 */
@ApplicationScoped
public class GradingService {

    static final String OUT_OF_BIN = "OUT-OF-BIN";
    static final String PRESSURE = "STACK_P";

    private final GradingStore grading;
    private final QualityStore store;
    private final InspectionService inspection;
    private final NcrService ncrs;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ObjectMapper json;

    GradingService(GradingStore grading, QualityStore store, InspectionService inspection, NcrService ncrs,
            AuditTrail audit, Outbox outbox, ObjectMapper json) {
        this.grading = grading;
        this.store = store;
        this.inspection = inspection;
        this.ncrs = ncrs;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public List<Bin> bins(String product) {
        List<Bin> bins = binsOf(product);
        if (bins.isEmpty()) {
            throw ProblemException.notFound("Grade bins", product);
        }
        return bins;
    }

    /**
     * The grade distribution of a format's cells graded in the period, bin by bin (best first), with the cells
     * outside every bin: what the grading chart shows.
     */
    @Transactional
    public Distribution distribution(String product, Instant from, Instant to) {
        List<Bin> bins = binsOf(product);
        Map<String, Long> counts = new LinkedHashMap<>();
        bins.forEach(b -> counts.put(b.grade(), 0L));
        long outside = 0;
        long total = 0;
        for (Object[] r : grading.gradeCounts(product, from, to)) {
            long n = ((Number) r[1]).longValue();
            total += n;
            if (r[0] == null) {
                outside = n;
            } else {
                counts.merge((String) r[0], n, Long::sum); // a grade since dropped from the bins comes after them
            }
        }
        if (bins.isEmpty() && total == 0) {
            throw ProblemException.notFound("Grade bins", product);
        }
        long cells = total;
        List<GradeCount> bars = counts.entrySet().stream().map(e -> new GradeCount(e.getKey(), e.getValue(),
                percent(e.getValue(), cells))).toList();
        return new Distribution(product, from, to, cells, bars, outside, percent(outside, cells));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    /** The format's bins, best first; none when it has no bins. */
    private List<Bin> binsOf(String product) {
        return grading.bins(product).stream().map(r -> new Bin((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2],
                (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6])).toList();
    }

    /** Replaces the format's bins (audited with the old ones). */
    @Transactional
    public List<Bin> setBins(String product, Bins req, Actor actor) {
        Set<String> grades = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Bin b : req.bins()) {
            if (!grades.add(b.grade())) {
                problems.add("grade " + b.grade() + " appears twice");
            }
            if (below(b.capacityMaxAh(), b.capacityMinAh()) || below(b.ocvMaxV(), b.ocvMinV())) {
                problems.add("grade " + b.grade() + ": a maximum below its minimum");
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-bins", String.join("; ", problems));
        }
        List<Bin> before = binsOf(product);
        if (!before.isEmpty() && before.equals(req.bins().stream().map(GradingService::scaled).toList())) {
            return before; // the same bins again (a seed loaded twice): nothing changes
        }
        grading.deleteBins(product);
        int rank = 1;
        for (Bin b : req.bins()) {
            grading.addBin(product, b.grade(), rank++, b.capacityMinAh(), b.capacityMaxAh(), b.acirMaxMohm(),
                    b.kValueMaxMvPerDay(), b.ocvMinV(), b.ocvMaxV());
        }
        List<Bin> after = bins(product);
        audit.record(actor, "grading.bins-set", "grade-bins", product, before, after, req.reason());
        return after;
    }

    /** A released routing's process parameter limits (the formation stack pressure among them). */
    void onRoutingReleased(RoutingReleased r) {
        for (OperationSpec op : r.operations()) {
            for (ParameterSpec p : op.parameters() == null ? List.<ParameterSpec>of() : op.parameters()) {
                grading.upsertProcessLimit(r.product(), op.code(), p.code(), p.unit(), p.lowerLimit(),
                        p.upperLimit());
            }
        }
    }

    @Transactional
    public ImportResult importResults(Import req, Actor actor) {
        Map<String, String> lots = new LinkedHashMap<>();
        Map<String, String> products = new LinkedHashMap<>();
        Map<String, List<Bin>> binsByProduct = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CellResult r : req.results()) {
            if (!seen.add(r.cell())) {
                problems.add(r.cell() + " appears twice");
            }
            if (!r.ocv2().at().isAfter(r.ocv1().at())) {
                problems.add(r.cell() + ": OCV2 is not measured after OCV1");
            }
            String lot = store.lotOfCell(r.cell()).orElse(null);
            String product = lot == null ? null : store.productOfLot(lot).orElse(null);
            if (product == null) {
                problems.add(r.cell() + ": cell unknown to quality");
                continue;
            }
            lots.put(r.cell(), lot);
            products.put(r.cell(), product);
            binsByProduct.computeIfAbsent(product, this::binsOf);
            if (binsByProduct.get(product).isEmpty()) {
                problems.add(r.cell() + ": no grade bins for " + product + " (PUT /grading/" + product + "/bins)");
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-import", String.join("; ", new java.util.LinkedHashSet<>(problems)));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Graded> results = new ArrayList<>();
        for (CellResult r : req.results()) {
            results.add(grade(req.cycler(), r, lots.get(r.cell()), products.get(r.cell()),
                    binsByProduct.get(products.get(r.cell())), actor, now));
        }
        int outside = (int) results.stream().filter(g -> g.grade() == null).count();
        ImportResult result = new ImportResult(req.cycler(), results.size(), results.size() - outside, outside,
                results);
        audit.record(actor, "grading.imported", "cycler", req.cycler(), null, Map.of("cells", results.size(),
                "outsideEveryBin", outside), null);
        return result;
    }

    private Graded grade(String cycler, CellResult r, String lot, String product, List<Bin> bins, Actor actor,
            Instant now) {
        double days = Duration.between(r.ocv1().at(), r.ocv2().at()).toMillis() / 86_400_000.0;
        // mV per day, to 0.1 uV/day: the value judged, binned and kept is the same number
        BigDecimal kValue = BigDecimal.valueOf((r.ocv1().value().doubleValue() - r.ocv2().value().doubleValue())
                * 1000 / days).setScale(4, java.math.RoundingMode.HALF_UP);
        double k = kValue.doubleValue();
        List<String> reasons = new ArrayList<>();
        String base = "grading-" + cycler + "-" + r.cell() + "-" + now.toEpochMilli() + "-";
        judge(inspection.fromCycler(base + "OCV", cycler, "OCV", r.ocv2().value(), "V", r.cell(), r.ocv2().at()),
                reasons);
        judge(inspection.fromCycler(base + "K", cycler, "K_VALUE", kValue, "mV/day", r.cell(), r.ocv2().at()),
                reasons);
        judge(inspection.fromCycler(base + "ACIR", cycler, "ACIR", r.acirMohm(), "mOhm", r.cell(), now), reasons);
        judge(inspection.fromCycler(base + "CAP", cycler, "CAPACITY", r.capacityAh(), "Ah", r.cell(), now),
                reasons);
        BigDecimal pMin = null;
        BigDecimal pMax = null;
        if (r.pressureLog() != null && !r.pressureLog().isEmpty()) {
            pMin = r.pressureLog().stream().map(p -> p.mpa()).min(BigDecimal::compareTo).orElseThrow();
            pMax = r.pressureLog().stream().map(p -> p.mpa()).max(BigDecimal::compareTo).orElseThrow();
            Object[] limit = grading.processLimit(product, PRESSURE).orElse(null);
            if (limit != null && limit[1] != null && pMin.compareTo((BigDecimal) limit[1]) < 0) {
                reasons.add("stack pressure fell to " + plain(pMin) + " MPa in formation, below "
                        + plain((BigDecimal) limit[1]) + " MPa (contact loss)");
            }
            if (limit != null && limit[2] != null && pMax.compareTo((BigDecimal) limit[2]) > 0) {
                reasons.add("stack pressure rose to " + plain(pMax) + " MPa in formation, above "
                        + plain((BigDecimal) limit[2]) + " MPa (dendrite risk)");
            }
        }
        String grade = bins.stream().filter(b -> fits(b, r, k)).map(Bin::grade).findFirst().orElse(null);
        String ncr = null;
        Long ncrId = null;
        if (grade == null) {
            String why = String.format(Locale.ROOT, "cell %s fits no grade bin of %s: capacity %s Ah, ACIR %s mOhm, "
                    + "K %.3f mV/day, OCV %s V", r.cell(), product, plain(r.capacityAh()), plain(r.acirMohm()), k,
                    plain(r.ocv2().value()));
            reasons.add(why);
            NcrApi.NcrView n = ncrs.open(product, OUT_OF_BIN, why, List.of(new NcrApi.Item("CELL", r.cell())),
                    "GRADING", actor);
            ncr = n.number();
            ncrId = n.id();
        }
        String verdict = reasons.isEmpty() ? "PASS" : "FAIL";
        grading.insert(r.cell(), lot, product, cycler, r.ocv1().value(), r.ocv1().at(), r.ocv2().value(),
                r.ocv2().at(), k, r.acirMohm(), r.capacityAh(), pMin, pMax, text(r.pressureLog()), grade, ncrId,
                verdict, text(reasons), actor.name(), now);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("cell", r.cell());
        event.put("lot", lot);
        event.put("product", product);
        event.put("grade", grade);
        event.put("verdict", verdict);
        event.put("kValueMvPerDay", k);
        outbox.publish(EventTypes.Quality.CELL_GRADED, r.cell(), event);
        return new Graded(r.cell(), lot, product, k, pMin == null ? null : pMin.doubleValue(),
                pMax == null ? null : pMax.doubleValue(), grade, verdict, reasons, ncr);
    }

    private static void judge(MeasurementView m, List<String> reasons) {
        if (Judgement.FAIL.equals(m.verdict())) {
            reasons.add(m.reason());
        }
    }

    /** numeric(18, 6), as the database gives bounds back. */
    private static Bin scaled(Bin b) {
        return new Bin(b.grade(), six(b.capacityMinAh()), six(b.capacityMaxAh()), six(b.acirMaxMohm()),
                six(b.kValueMaxMvPerDay()), six(b.ocvMinV()), six(b.ocvMaxV()));
    }

    private static BigDecimal six(BigDecimal v) {
        return v == null ? null : v.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private static boolean fits(Bin b, CellResult r, double k) {
        return atLeast(r.capacityAh(), b.capacityMinAh()) && atMost(r.capacityAh(), b.capacityMaxAh())
                && atMost(r.acirMohm(), b.acirMaxMohm())
                && (b.kValueMaxMvPerDay() == null || k <= b.kValueMaxMvPerDay().doubleValue())
                && atLeast(r.ocv2().value(), b.ocvMinV()) && atMost(r.ocv2().value(), b.ocvMaxV());
    }

    private static boolean atLeast(BigDecimal v, BigDecimal min) {
        return min == null || v.compareTo(min) >= 0;
    }

    private static boolean atMost(BigDecimal v, BigDecimal max) {
        return max == null || v.compareTo(max) <= 0;
    }

    private static boolean below(BigDecimal max, BigDecimal min) {
        return max != null && min != null && max.compareTo(min) < 0;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private String text(Object o) {
        try {
            return o == null ? null : json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
