package org.pilotline.mes.gateway.session;

import java.time.Instant;

/** What Keycloak's token endpoint answered; kept in the gateway, never sent to the browser. */
public record Tokens(String access, String refresh, String id, Instant accessExpiresAt, Instant refreshExpiresAt) {

    /** True when the access token runs out within the margin, so a call made now could arrive with a dead token. */
    boolean accessExpiresWithin(java.time.Duration margin, Instant now) {
        return accessExpiresAt.isBefore(now.plus(margin));
    }
}
