package org.pilotline.mes.contracts.equipment;

import java.time.Instant;

/** Channel {@code alarm}. Severity: INFO, WARNING, CRITICAL. */
public record AlarmMessage(String eventId, Instant ts, String code, String severity, Boolean active, String text) {
}
