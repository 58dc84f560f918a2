package org.pilotline.mes.contracts.equipment;

import java.time.Instant;
import java.util.Map;

/** Channel {@code data}: process values by tag. */
public record DataMessage(String eventId, Instant ts, Map<String, Double> values, DataContext context) {
}
