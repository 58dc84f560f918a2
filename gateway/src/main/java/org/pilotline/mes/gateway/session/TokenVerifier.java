package org.pilotline.mes.gateway.session;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Checks the tokens a login brought back, with the same rules as any call to the API (signature, issuer,
 * {@code mes-api} audience, expiry: quarkus-oidc's own verification), and reads who they are for.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TenantIdentityProvider identities;
    private final ObjectMapper json;

    TokenVerifier(TenantIdentityProvider identities, ObjectMapper json) {
        this.identities = identities;
        this.json = json;
    }

    /** A token that fails verification, or an ID token that does not belong to the request. */
    public static final class InvalidToken extends RuntimeException {
        InvalidToken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Person verify(Tokens tokens) {
        SecurityIdentity identity;
        try {
            identity = identities.authenticate(new AccessTokenCredential(tokens.access())).await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            throw new InvalidToken("access token refused: " + e.getMessage(), e);
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new InvalidToken("access token is not a JWT", null);
        }
        Object authTime = jwt.getClaim("auth_time");
        Instant authenticated = authTime instanceof JsonNumber n ? Instant.ofEpochSecond(n.longValue())
                : authTime instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
        String username = jwt.getClaim("preferred_username");
        String name = jwt.getClaim("name");
        String locale = jwt.getClaim("locale");
        return new Person(jwt.getSubject(), username, name == null || name.isBlank() ? username : name,
                Set.copyOf(identity.getRoles()), authenticated, locale);
    }

    /**
     * The ID token came straight from the token endpoint (so TLS vouches for its origin); its nonce must be the one
     * this login sent, and its subject the access token's.
     */
    void checkIdToken(Tokens tokens, PendingLogin login, Person person) {
        if (tokens.id() == null) {
            throw new InvalidToken("no ID token", null);
        }
        String[] parts = tokens.id().split("\\.");
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!login.nonce().equals(claims.path("nonce").asText())) {
                throw new InvalidToken("ID token nonce does not match the login", null);
            }
            if (!person.subject().equals(claims.path("sub").asText())) {
                throw new InvalidToken("ID token and access token name different users", null);
            }
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidToken("ID token unreadable", e);
        }
    }
}
