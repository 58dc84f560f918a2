package org.pilotline.mes.gateway.session;

import jakarta.inject.Singleton;

/** Opens a session as a login would, for tests outside this package (the login itself needs Keycloak). */
@Singleton
public class TestSessions {

    private final SessionStore sessions;

    TestSessions(SessionStore sessions) {
        this.sessions = sessions;
    }

    public UiSession open(Person person, Tokens tokens, String language) {
        return sessions.open(person, tokens, language);
    }
}
