package org.pilotline.mes.gateway.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * A browser sent to Keycloak and not yet back: the state that binds the answer to this browser, the nonce that
 * binds the ID token to this request, the PKCE verifier, and what the login is for.
 *
 * @param signature for a signature login: the pending signature's id; null for a login
 * @param sessionId for a signature login: the session it signs in
 * @param returnTo the page to go to afterwards (a path of this gateway)
 */
public record PendingLogin(String state, String nonce, String codeVerifier, String returnTo, String signature,
        String sessionId, Instant createdAt) {

    static PendingLogin login(String returnTo, Instant now) {
        return new PendingLogin(Secrets.random(24), Secrets.random(24), Secrets.random(48), returnTo, null, null, now);
    }

    static PendingLogin signature(String signature, String sessionId, String returnTo, Instant now) {
        return new PendingLogin(Secrets.random(24), Secrets.random(24), Secrets.random(48), returnTo, signature,
                sessionId, now);
    }

    boolean forSignature() {
        return signature != null;
    }

    /** S256 of the verifier (RFC 7636). */
    String codeChallenge() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
