package org.pilotline.mes.quality.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.rest.Reason;
import org.pilotline.mes.contracts.rest.StartClearance;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.quality.api.GateApi.GateView;
import org.pilotline.mes.quality.api.GateApi.ToMeasure;
import org.pilotline.mes.quality.persistence.HoldEntity;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * Quality gates: the characteristics the plan attaches to an operation, judged for a lot (every known cell, or a
 * lot-level measurement) or for one cell. FAIL when a latest measurement fails, PENDING while one is missing, PASS
 * otherwise; an operation without characteristics has no gate and passes. The next operation may start only when
 * the gate of the one before passed and no hold is open on what it runs on.
 */
@ApplicationScoped
public class GateService {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String PENDING = "PENDING";

    private final QualityStore store;
    private final HoldService holds;

    GateService(QualityStore store, HoldService holds) {
        this.store = store;
        this.holds = holds;
    }

    @Transactional
    public GateView gate(String lot, String operation, String cell) {
        List<Reason> reasons = new ArrayList<>();
        String status = judge(lot, operation, cell, cellsOf(lot, cell), reasons);
        return new GateView(lot, cell, operation, status, reasons);
    }

    /**
     * after: the operation before the one to start (null for the first); cell: null for the whole lot; equipment:
     * the station, whose holds count too (may be null).
     */
    @Transactional
    public StartClearance clearance(String lot, String after, String cell, String equipment) {
        List<Reason> reasons = new ArrayList<>();
        List<String> cells = cellsOf(lot, cell);
        if (after != null) {
            judge(lot, after, cell, cells, reasons);
        }
        for (HoldEntity h : holds.openOn(lot, cells)) {
            reasons.add(new Reason("on-hold", HoldService.describe(h)));
        }
        if (equipment != null) {
            holds.openOnEquipment(equipment).forEach(h -> reasons.add(new Reason("on-hold", HoldService.describe(h))));
        }
        return new StartClearance(lot, cell, after, reasons.isEmpty(), reasons);
    }

    /** Per characteristic of the operation: the plan's sampling, what is measured, which cells to measure next. */
    @Transactional
    public List<ToMeasure> toMeasure(String lot, String operation) {
        String product = store.productOfLot(lot).orElseThrow(() -> ProblemException.notFound("Lot", lot));
        List<String> cells = store.cellsOfLot(lot);
        List<Object[]> plan = store.currentPlan(product).stream().filter(r -> operation.equals(r[0])).toList();
        if (plan.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> measured = new HashMap<>(); // characteristic -> cells; "" for the whole lot
        store.latestForGate(lot, null, plan.stream().map(r -> (String) r[1]).toList()).forEach(m -> measured
                .computeIfAbsent((String) m[1], k -> new TreeSet<>()).add(m[0] == null ? "" : (String) m[0]));
        List<ToMeasure> out = new ArrayList<>();
        for (Object[] r : plan) {
            String code = (String) r[1];
            Sampling sampling = Sampling.of(r[9], r[10]);
            Set<String> cellsMeasured = new TreeSet<>(measured.getOrDefault(code, Set.of()));
            boolean lotMeasured = cellsMeasured.remove("");
            out.add(new ToMeasure(code, (String) r[2], (String) r[3], sampling.kind(), sampling.size(),
                    (String) r[11], List.copyOf(cellsMeasured), sampling.next(cells, cellsMeasured, lotMeasured)));
        }
        return out;
    }

    /** The cells a judgement covers: the one asked about, or every cell quality knows of the lot. */
    private List<String> cellsOf(String lot, String cell) {
        return cell != null ? List.of(cell) : store.cellsOfLot(lot);
    }

    private String judge(String lot, String operation, String cell, List<String> cells, List<Reason> reasons) {
        String product = store.productOfLot(lot).orElse(null);
        if (product == null) {
            reasons.add(new Reason("gate-pending", "quality has no record of lot " + lot + " yet"));
            return PENDING;
        }
        Map<String, Sampling> sampling = new java.util.LinkedHashMap<>();
        store.currentPlan(product).stream().filter(r -> operation.equals(r[0]))
                .forEach(r -> sampling.put((String) r[1], Sampling.of(r[9], r[10])));
        List<String> characteristics = List.copyOf(sampling.keySet());
        if (characteristics.isEmpty()) {
            return PASS;
        }
        List<Object[]> rows = store.latestForGate(lot, cell, characteristics); // cell, characteristic, verdict, reason
        Set<String> measured = new HashSet<>(); // "cell/characteristic", "/characteristic" for the whole lot
        boolean failed = false;
        for (Object[] m : rows) {
            measured.add((m[0] == null ? "" : m[0]) + "/" + m[1]);
            if (Judgement.FAIL.equals(m[2])) {
                failed = true;
                reasons.add(new Reason("gate-failed", operation + ": " + (m[0] == null ? "lot " + lot
                        : "cell " + m[0]) + ": " + m[3]));
            }
        }
        boolean pending = false;
        for (String c : characteristics) {
            Sampling plan = sampling.get(c);
            if (!plan.everyCell()) { // a sample of the lot: a single cell need not be in it
                String why = cell != null ? null : plan.missing(c, cells, cells.stream()
                        .filter(x -> measured.contains(x + "/" + c)).collect(java.util.stream.Collectors.toSet()),
                        measured.contains("/" + c), lot);
                if (why != null) {
                    pending = true;
                    reasons.add(new Reason("gate-pending", operation + ": " + why));
                }
                continue;
            }
            List<String> missing = cells.stream().filter(x -> !measured.contains(x + "/" + c)).toList();
            if (!measured.contains("/" + c) && (cells.isEmpty() || !missing.isEmpty())) {
                pending = true;
                reasons.add(new Reason("gate-pending", operation + ": " + c + " not measured"
                        + (cells.isEmpty() ? " on lot " + lot : " on " + (cell != null ? "cell " + cell
                                : missing.size() + " of " + cells.size() + " cells, e.g. " + missing.get(0)))));
            }
        }
        return failed ? FAIL : pending ? PENDING : PASS;
    }
}
