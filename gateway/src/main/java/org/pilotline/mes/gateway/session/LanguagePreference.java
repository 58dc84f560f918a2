package org.pilotline.mes.gateway.session;

import jakarta.enterprise.context.ApplicationScoped;

/** Keeps a person's language in their Keycloak account, with their own token. */
@ApplicationScoped
public class LanguagePreference {

    private final SessionStore sessions;
    private final KeycloakClient keycloak;

    LanguagePreference(SessionStore sessions, KeycloakClient keycloak) {
        this.sessions = sessions;
        this.keycloak = keycloak;
    }

    public void save(UiSession session, String language) {
        keycloak.saveLanguage(sessions.accessToken(session), language);
    }
}
