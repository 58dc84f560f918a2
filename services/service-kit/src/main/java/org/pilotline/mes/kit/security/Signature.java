package org.pilotline.mes.kit.security;

import java.time.Instant;
import java.util.UUID;

/** A stored electronic signature: who, printed name, when, and what it means. */
public record Signature(UUID id, String signerId, String signerName, String printedName, Instant signedAt,
        Instant authTime, String meaning, String reason, String entityType, String entityId) {
}
