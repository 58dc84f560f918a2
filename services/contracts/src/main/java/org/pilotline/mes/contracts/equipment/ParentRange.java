package org.pilotline.mes.contracts.equipment;

import java.math.BigDecimal;

/** The part of the parent coil a sub-coil was cut from, e.g. metres 0 to 250. */
public record ParentRange(BigDecimal from, BigDecimal to, String unit) {
}
