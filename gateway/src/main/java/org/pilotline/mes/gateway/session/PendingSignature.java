package org.pilotline.mes.gateway.session;

import java.time.Instant;
import java.util.List;

/**
 * A change that needs an electronic signature, held while its signer enters the password again: what will be
 * sent (service, path, body, idempotency key) once Keycloak confirms a fresh login by the same person, and the
 * manifest the signer was shown.
 *
 * @param manifest what the signer saw and agreed to, line by line (printed name, meaning, reason, ...)
 * @param returnTo the page to show the outcome on
 * @param confirmedAt when Keycloak confirmed the signer's password for it; null until then
 */
public record PendingSignature(String id, String service, String path, String body, String idempotencyKey,
        List<String> manifest, String returnTo, Instant createdAt, Instant confirmedAt) {

    public static PendingSignature of(String service, String path, String body, String idempotencyKey,
            List<String> manifest, String returnTo, Instant now) {
        return new PendingSignature(Secrets.random(18), service, path, body, idempotencyKey, manifest, returnTo, now,
                null);
    }

    PendingSignature confirmed(Instant at) {
        return new PendingSignature(id, service, path, body, idempotencyKey, manifest, returnTo, createdAt, at);
    }
}
