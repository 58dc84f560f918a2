package org.pilotline.mes.contracts.equipment;

import java.math.BigDecimal;

/** A material lot consumed into a new lot or cell. */
public record MaterialInput(String materialLot, BigDecimal quantity, String unit) {
}
