package org.pilotline.mes.contracts.events;

import java.time.Instant;

/**
 * genealogy: an equipment event that consumes material was refused (short, held, expired, unknown or scrapped
 * input lot) and set aside as a dead letter: what was refused and why, so that someone acts on it.
 */
public record ConsumptionRefused(String sourceType, String sourceEventId, String subject, String code, String reason,
        Instant at) {
}
