package org.pilotline.mes.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;

/** equipment: a characteristic was measured on a cell, lot or material lot. */
public record MeasurementTaken(String equipment, String characteristic, BigDecimal value, String unit, String cell,
        String lot, String materialLot, Instant ts) {
}
