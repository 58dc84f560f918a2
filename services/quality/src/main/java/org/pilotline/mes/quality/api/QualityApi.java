package org.pilotline.mes.quality.api;

import java.math.BigDecimal;
import java.time.Instant;

/** Response bodies of the quality API. */
public final class QualityApi {

    private QualityApi() {
    }

    public record PlanCharacteristicView(String operation, String characteristic, String name, String unit,
            BigDecimal lowerLimit, BigDecimal target, BigDecimal upperLimit, String routing, int routingVersion) {
    }

    public record MeasurementView(long id, String characteristic, BigDecimal value, String unit, String cell,
            String lot, String materialLot, String product, String verdict, String reason, BigDecimal lowerLimit,
            BigDecimal upperLimit, Instant measuredAt, String equipment) {
    }
}
