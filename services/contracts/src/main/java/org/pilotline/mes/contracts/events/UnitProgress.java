package org.pilotline.mes.contracts.events;

import java.time.Instant;
import java.util.Map;

/** equipment: an operation started or completed on a lot or a cell (unit.started / unit.completed). */
public record UnitProgress(String equipment, String operation, String lot, String cell,
        Map<String, Object> parameters, Instant ts) {
}
