package org.pilotline.mes.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens shaped like the mes realm's (realm roles, preferred_username, name, auth_time, audience), signed
 * with the test key. End-to-end tests use the real Keycloak instead.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/mes";

    private TestTokens() {
    }

    /** A token for the demo user of that name, with the role its name says (operator1 -> operator). */
    public static String of(String user) {
        return token(user, Instant.now(), user.replaceAll("\\d+$", ""));
    }

    /** A token whose last login was {@code ago} (for electronic-signature freshness). */
    public static String loggedInAgo(String user, Duration ago) {
        return token(user, Instant.now().minus(ago), user.replaceAll("\\d+$", ""));
    }

    public static String token(String user, Instant authTime, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .audience("mes-api")
                .claim("preferred_username", user)
                .claim("name", "Test " + user)
                .claim("auth_time", authTime.getEpochSecond())
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(Duration.ofMinutes(30))
                .jws().keyId("test")
                .sign(TestKeys.privateKey());
    }
}
