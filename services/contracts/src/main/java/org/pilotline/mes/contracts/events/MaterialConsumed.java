package org.pilotline.mes.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;

/** equipment: material was consumed into a lot or a cell. */
public record MaterialConsumed(String equipment, String materialLot, BigDecimal quantity, String unit, String lot,
        String cell, Instant ts) {
}
