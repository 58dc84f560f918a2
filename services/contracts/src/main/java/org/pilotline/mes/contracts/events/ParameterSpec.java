package org.pilotline.mes.contracts.events;

import java.math.BigDecimal;

/** A process parameter an operation asks for (e.g. press pressure in MPa), with its target and limits. */
public record ParameterSpec(String code, String name, String unit, BigDecimal lowerLimit, BigDecimal target,
        BigDecimal upperLimit) {
}
