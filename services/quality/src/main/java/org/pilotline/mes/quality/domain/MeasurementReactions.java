package org.pilotline.mes.quality.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.quality.api.HoldApi.PlaceHold;
import org.pilotline.mes.quality.api.PlanApi;
import org.pilotline.mes.quality.domain.NelsonRules.Violation;
import org.pilotline.mes.quality.domain.PlanService.PlannedCharacteristic;
import org.pilotline.mes.quality.persistence.HoldRepository;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * What the plan says to do after each judged measurement, in the measurement's transaction: check the
 * characteristic's individuals chart for the Nelson rules the plan names (a rule completed by this point is announced
 * as spc.violation), and hold the lot on an SPC violation, after N failures in a row, or when its yield falls below
 * the plan's figure. A lot is held once per reason: an open hold for the same rule is not repeated.
 */
@ApplicationScoped
public class MeasurementReactions {

    /** How far back the chart looks when a point arrives. */
    static final int WINDOW = 50;
    static final int DEFAULT_YIELD_MIN_COUNT = 10;

    private final QualityStore store;
    private final HoldService holds;
    private final HoldRepository holdRepository;
    private final AuditTrail audit;
    private final Outbox outbox;

    MeasurementReactions(QualityStore store, HoldService holds, HoldRepository holdRepository, AuditTrail audit,
            Outbox outbox) {
        this.store = store;
        this.holds = holds;
        this.holdRepository = holdRepository;
        this.audit = audit;
        this.outbox = outbox;
    }

    void after(String product, String lot, String cell, PlannedCharacteristic planned, String verdict) {
        PlanApi.CharacteristicPlan c = planned.plan();
        PlanApi.Reactions r = c.reactions() == null ? PlanApi.Reactions.NONE : c.reactions();
        if (Judgement.NO_LIMITS.equals(verdict)) {
            return;
        }
        spc(product, lot, cell, c, r);
        if (lot == null) {
            return;
        }
        Integer n = r.holdAfterConsecutiveFailures();
        if (n != null && Judgement.FAIL.equals(verdict)) {
            List<String> last = store.lastVerdicts(product, c.code(), n);
            if (last.size() == n && last.stream().allMatch(Judgement.FAIL::equals)) {
                hold(lot, c.code() + ": " + n + " failed measurements in a row", c.code() + ": " + n + " failed");
            }
        }
        if (r.holdBelowYieldPct() != null) {
            long[] y = store.lotYield(lot, c.code()); // measured, passed
            int min = r.yieldMinCount() == null ? DEFAULT_YIELD_MIN_COUNT : r.yieldMinCount();
            double pct = y[0] == 0 ? 100 : 100.0 * y[1] / y[0];
            if (y[0] >= min && pct < r.holdBelowYieldPct().doubleValue()) {
                String key = c.code() + ": yield below " + r.holdBelowYieldPct().stripTrailingZeros().toPlainString()
                        + "%";
                hold(lot, String.format(java.util.Locale.ROOT, "%s (%.1f%%: %d of %d cells passed)", key, pct, y[1],
                        y[0]), key);
            }
        }
    }

    /** The individuals chart of the last WINDOW values: rules completed by the newest point. */
    private void spc(String product, String lot, String cell, PlanApi.CharacteristicPlan c, PlanApi.Reactions r) {
        double[] x = store.lastValues(product, c.code(), WINDOW);
        if (x.length < 2) {
            return;
        }
        ControlCharts.Chart chart = ControlCharts.individuals(x,
                c.controlLower() == null ? null : c.controlLower().doubleValue(),
                c.controlUpper() == null ? null : c.controlUpper().doubleValue());
        Set<Integer> rules = r.nelsonRules() == null ? NelsonRules.ALL : Set.copyOf(r.nelsonRules());
        int last = x.length - 1;
        List<Violation> now = NelsonRules.completedAt(x, last, chart.centre(), chart.sigma(), rules);
        if (now.isEmpty()) {
            return;
        }
        List<Integer> broken = now.stream().map(Violation::rule).toList();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("product", product);
        event.put("characteristic", c.code());
        event.put("rules", broken);
        event.put("descriptions", now.stream().map(Violation::description).toList());
        event.put("value", x[last]);
        event.put("centre", chart.centre());
        event.put("lower", chart.lower());
        event.put("upper", chart.upper());
        event.put("lot", lot);
        event.put("cell", cell);
        audit.record(Actor.system(Services.QUALITY), "spc.violation", "characteristic", product + "/" + c.code(),
                null, event, "Nelson rule " + broken);
        outbox.publish(EventTypes.Quality.SPC_VIOLATION, lot != null ? lot : product, event);
        if (Boolean.TRUE.equals(r.holdOnSpcViolation()) && lot != null) {
            hold(lot, c.code() + ": SPC, Nelson rule " + broken.get(0) + " (" + now.get(0).description() + ")",
                    c.code() + ": SPC");
        }
    }

    /** Holds the lot unless an open hold of this rule (its reason starting with key) is on it already. */
    private void hold(String lot, String reason, String key) {
        boolean held = holdRepository.openOn("LOT", lot).stream()
                .anyMatch(h -> HoldService.RULE.equals(h.source) && h.reason.startsWith(key));
        if (!held) {
            holds.place(new PlaceHold("LOT", lot, reason), HoldService.RULE, Actor.system(Services.QUALITY));
        }
    }
}
