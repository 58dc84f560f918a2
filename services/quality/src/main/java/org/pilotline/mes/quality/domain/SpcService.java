package org.pilotline.mes.quality.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.quality.api.PlanApi.CharacteristicPlan;
import org.pilotline.mes.quality.api.SpcApi.CapabilityView;
import org.pilotline.mes.quality.api.SpcApi.ChartPoint;
import org.pilotline.mes.quality.api.SpcApi.Limits;
import org.pilotline.mes.quality.api.SpcApi.SpcView;
import org.pilotline.mes.quality.api.SpcApi.ViolationView;
import org.pilotline.mes.quality.domain.ControlCharts.Chart;
import org.pilotline.mes.quality.domain.NelsonRules.Violation;
import org.pilotline.mes.quality.domain.PlanService.PlannedCharacteristic;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * SPC of a product's characteristic over a window: the chart (I-MR, or X-bar/R of consecutive subgroups), the
 * Nelson rules the plan names (all eight when it names none) and Cp, Cpk, Pp, Ppk against the plan's specification
 * limits. Only measurements that count: corrected ones give way to their corrections; unjudged ones are left out.
 */
@ApplicationScoped
public class SpcService {

    public static final int MAX_POINTS = 5000;

    private final QualityStore store;
    private final PlanService plans;

    SpcService(QualityStore store, PlanService plans) {
        this.store = store;
        this.plans = plans;
    }

    @Transactional
    public SpcView chart(String product, String characteristic, String type, int subgroup, Instant from, Instant to,
            int limit) {
        if (!"IMR".equals(type) && !"XBAR_R".equals(type)) {
            throw ProblemException.badRequest("bad-chart", "chart is IMR or XBAR_R");
        }
        if ("XBAR_R".equals(type) && (subgroup < 2 || subgroup > ControlCharts.MAX_SUBGROUP)) {
            throw ProblemException.badRequest("bad-subgroup", "subgroup is 2 to " + ControlCharts.MAX_SUBGROUP);
        }
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("bad-window", "from must be before to");
        }
        PlannedCharacteristic planned = plans.inForce(product, characteristic);
        if (planned == null) {
            throw ProblemException.notFound("Characteristic", product + "/" + characteristic);
        }
        CharacteristicPlan c = planned.plan();
        List<Object[]> rows = store.series(product, characteristic, from, to, Math.min(limit, MAX_POINTS));
        int n = "IMR".equals(type) ? 1 : subgroup;
        if (rows.size() < 2 * Math.max(n, 1)) {
            throw ProblemException.conflict("too-few-measurements", rows.size() + " measurements of " + characteristic
                    + " in the window; the chart needs at least " + 2 * n);
        }
        double[] x = rows.stream().mapToDouble(r -> ((Number) r[0]).doubleValue()).toArray();
        Double lcl = c.controlLower() == null ? null : c.controlLower().doubleValue();
        Double ucl = c.controlUpper() == null ? null : c.controlUpper().doubleValue();
        Chart chart = n == 1 ? ControlCharts.individuals(x, lcl, ucl) : ControlCharts.means(x, n, lcl, ucl);
        Set<Integer> rules = c.reactions() == null || c.reactions().nelsonRules() == null ? NelsonRules.ALL
                : Set.copyOf(c.reactions().nelsonRules());
        List<Violation> violations = NelsonRules.check(chart.values(), chart.centre(), chart.sigma(), rules);
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < chart.values().length; i++) {
            Object[] first = rows.get(i * n);
            Object[] last = rows.get(i * n + n - 1);
            int at = i;
            List<Integer> broken = violations.stream().filter(v -> v.at() == at).map(Violation::rule).toList();
            double range = chart.ranges()[i];
            points.add(new ChartPoint(i, chart.values()[i], Double.isNaN(range) ? null : range,
                    SqlValues.instant(first[1]), SqlValues.instant(last[1]), n == 1 ? (String) first[2] : null,
                    n == 1 ? (String) first[3] : null, broken));
        }
        Double lsl = number(c.lowerLimit());
        Double usl = number(c.upperLimit());
        Capability cap = Capability.of(ControlCharts.used(x, n), chart.sigmaWithin(), lsl, usl);
        return new SpcView(product, characteristic, c.unit(), planned.version(), type, n, from, to,
                new Limits(chart.centre(), chart.lower(), chart.upper(), chart.rangeCentre(), chart.rangeLower(),
                        chart.rangeUpper(), chart.limitsFromPlan()),
                new CapabilityView(cap.n(), cap.mean(), cap.sigmaWithin(), cap.sigmaOverall(), lsl, usl, cap.cp(),
                        cap.cpk(), cap.pp(), cap.ppk()),
                points, violations.stream().map(v -> new ViolationView(v.rule(), v.description(), v.at(), v.points()))
                        .toList());
    }

    private static Double number(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }
}
