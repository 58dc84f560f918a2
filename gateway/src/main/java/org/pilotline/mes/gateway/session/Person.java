package org.pilotline.mes.gateway.session;

import java.time.Instant;
import java.util.Set;

/**
 * Who is logged in, as the verified access token says.
 *
 * @param subject the user's id in the realm (the {@code sub} claim), what a signature is checked against
 * @param authTime when the user last entered the password (the {@code auth_time} claim)
 * @param locale the user's language as Keycloak keeps it (the {@code locale} claim), or null
 */
public record Person(String subject, String username, String name, Set<String> roles, Instant authTime,
        String locale) {

    public boolean has(String role) {
        return roles.contains(role);
    }
}
