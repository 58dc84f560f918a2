package org.pilotline.mes.kit.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hash of an audit row: SHA-256 over the previous row's hash and the row's fields, written as a JSON array so
 * that no field's content can be mistaken for a separator. Anyone with the rows can recompute it.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(String prevHash, Instant at, String actorId, String actorName, String action,
            String entityType, String entityId, String oldValue, String newValue, String reason) {
        try {
            String canonical = JSON.writeValueAsString(Arrays.asList(prevHash, at.toString(), actorId, actorName,
                    action, entityType, entityId, oldValue, newValue, reason));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(AuditEntry e) {
        return hash(e.prevHash(), e.at(), e.actorId(), e.actorName(), e.action(), e.entityType(), e.entityId(),
                e.oldValue(), e.newValue(), e.reason());
    }
}
