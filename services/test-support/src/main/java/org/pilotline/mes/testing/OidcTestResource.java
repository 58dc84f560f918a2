package org.pilotline.mes.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Token validation against the test key only, for an application that needs no database or broker. */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    /** The OIDC settings that make a service accept {@link TestTokens} and call no Keycloak. */
    static Map<String, String> oidcConfig() {
        return Map.of(
                "quarkus.oidc.public-key", TestKeys.publicKeyBase64(),
                "quarkus.oidc.auth-server-url", "", // empty unsets it: verify locally, never call a Keycloak
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public Map<String, String> start() {
        return oidcConfig();
    }

    @Override
    public void stop() {
        // nothing runs
    }
}
