package org.pilotline.mes.quality.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.quality.api.StageApi.CharacteristicCapability;
import org.pilotline.mes.quality.api.StageApi.StageComparison;
import org.pilotline.mes.quality.api.StageApi.StageRow;
import org.pilotline.mes.quality.domain.PlanService.PlannedCharacteristic;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * Yield and capability side by side for the stages (1 Ah sample to 60 Ah production), so that a supervisor sees
 * whether the bigger format's process is as capable as the smaller one's. Cpk uses the individuals chart's sigma
 * within, Ppk the overall sigma, each against the product's plan in force.
 */
@ApplicationScoped
public class StageComparisonService {

    private final QualityStore store;
    private final PlanService plans;

    StageComparisonService(QualityStore store, PlanService plans) {
        this.store = store;
        this.plans = plans;
    }

    @Transactional
    public StageComparison compare(List<String> characteristics, Instant from, Instant to) {
        List<StageRow> rows = new ArrayList<>();
        for (Object[] p : store.productsByStage()) { // product, stage, in stage order
            String product = (String) p[0];
            long[] y = store.cellYield(product, from, to); // measured, passed
            List<CharacteristicCapability> caps = new ArrayList<>();
            for (String c : characteristics) {
                caps.add(capability(product, c, from, to));
            }
            rows.add(new StageRow((String) p[1], product, y[0], y[1],
                    y[0] == 0 ? null : Math.round(1000.0 * y[1] / y[0]) / 10.0, caps));
        }
        return new StageComparison(from, to, characteristics, rows);
    }

    private CharacteristicCapability capability(String product, String characteristic, Instant from, Instant to) {
        double[] x = store.series(product, characteristic, from, to, SpcService.MAX_POINTS).stream()
                .mapToDouble(r -> ((Number) r[0]).doubleValue()).toArray();
        PlannedCharacteristic planned = plans.inForce(product, characteristic);
        if (x.length < 2 || planned == null) {
            return new CharacteristicCapability(characteristic, x.length, x.length == 0 ? null : ControlCharts.mean(x),
                    null, null);
        }
        Capability cap = Capability.of(x, ControlCharts.individuals(x, null, null).sigmaWithin(),
                number(planned.plan().lowerLimit()), number(planned.plan().upperLimit()));
        return new CharacteristicCapability(characteristic, x.length, cap.mean(), round(cap.cpk()),
                round(cap.ppk()));
    }

    private static Double number(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }
}
