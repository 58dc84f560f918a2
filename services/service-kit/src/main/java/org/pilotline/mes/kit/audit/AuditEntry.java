package org.pilotline.mes.kit.audit;

import java.time.Instant;

/** One row of the audit trail as auditors read it. Values are JSON text, as hashed. */
public record AuditEntry(long seq, Instant at, String actorId, String actorName, String action, String entityType,
        String entityId, String oldValue, String newValue, String reason, String prevHash, String hash) {
}
