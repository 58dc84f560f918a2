package org.pilotline.mes.contracts.equipment;

import java.time.Instant;

/** Channel {@code state}: PackML state and mode. */
public record StateMessage(String eventId, Instant ts, String state, String mode) {
}
