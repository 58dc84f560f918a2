package org.pilotline.mes.contracts.events;

import java.math.BigDecimal;

/** A quality characteristic with its specification limits (either limit may be absent). */
public record CharacteristicSpec(String code, String name, String unit, BigDecimal lowerLimit, BigDecimal target,
        BigDecimal upperLimit) {
}
