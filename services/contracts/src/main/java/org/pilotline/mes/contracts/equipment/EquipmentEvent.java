package org.pilotline.mes.contracts.equipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Channel {@code event}. One record for every event type; which fields a type requires is
 * fixed in the design brief and checked by the equipment service.
 */
public record EquipmentEvent(
        String eventId,
        Instant ts,
        String type,
        String cell,
        String lot,
        String materialLot,
        String materialType,
        BigDecimal quantity,
        String unit,
        List<MaterialInput> inputs,
        ParentRange parentRange,
        String operation,
        Map<String, Object> parameters,
        String characteristic,
        BigDecimal value) {
}
