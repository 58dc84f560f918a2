package org.pilotline.mes.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.pilotline.mes.gateway.config.UiConfig;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;

/**
 * The gateway's sessions, in memory: a restarted gateway asks everyone to log in again, which on a plant floor is
 * rarer and cheaper than keeping tokens in a database. Several gateway replicas need sticky sessions at the
 * ingress (docs/architecture.md).
 */
@ApplicationScoped
@Startup
public class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class);
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);
    private static final int MAX_PENDING_LOGINS = 10_000;

    private final UiConfig config;
    private final KeycloakClient keycloak;
    private final TokenVerifier verifier;
    private final Clock clock;
    private final Vertx vertx;
    private final Map<String, UiSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, PendingLogin> logins = new ConcurrentHashMap<>();

    SessionStore(UiConfig config, KeycloakClient keycloak, TokenVerifier verifier, Instance<Clock> clock,
            Vertx vertx) {
        this.config = config;
        this.keycloak = keycloak;
        this.verifier = verifier;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        this.vertx = vertx;
        vertx.setPeriodic(60_000, id -> vertx.executeBlocking(() -> {
            sweep();
            return null;
        }, false));
    }

    /** Why a session is no longer there, so the page can say it. */
    public enum Ended {
        IDLE, EXPIRED, UNKNOWN
    }

    /** A session or why there is none. */
    public record Lookup(UiSession session, Ended ended) {
    }

    PendingLogin begin(PendingLogin login) {
        if (logins.size() >= MAX_PENDING_LOGINS) {
            // anyone may start a login: a flood of them must not fill the gateway's memory
            Instant now = now();
            logins.values().removeIf(l -> l.createdAt().plus(config.loginTimeout()).isBefore(now));
            if (logins.size() >= MAX_PENDING_LOGINS) {
                logins.values().stream().min(java.util.Comparator.comparing(PendingLogin::createdAt))
                        .ifPresent(oldest -> logins.remove(oldest.state()));
            }
        }
        logins.put(login.state(), login);
        return login;
    }

    /** The login the state belongs to, once: a state is never accepted twice. */
    Optional<PendingLogin> finish(String state) {
        PendingLogin login = state == null ? null : logins.remove(state);
        if (login == null || login.createdAt().plus(config.loginTimeout()).isBefore(now())) {
            return Optional.empty();
        }
        return Optional.of(login);
    }

    UiSession open(Person person, Tokens tokens, String language) {
        UiSession s = new UiSession(Secrets.random(32), Secrets.random(24), person, tokens, language, now());
        sessions.put(s.id(), s);
        LOG.infof("%s logged in (roles %s)", person.username(), person.roles());
        return s;
    }

    /**
     * The session of the cookie, if it still counts. A user action ({@code touch}) restarts the idle clock; the
     * screen's own refreshes do not, or a tablet left on a console would never log out.
     */
    public Lookup find(String id, boolean touch) {
        UiSession s = id == null ? null : sessions.get(id);
        if (s == null) {
            return new Lookup(null, Ended.UNKNOWN);
        }
        Instant now = now();
        if (s.createdAt().plus(config.maxSessionAge()).isBefore(now)) {
            end(s);
            return new Lookup(null, Ended.EXPIRED);
        }
        if (s.lastActivity().plus(config.idleTimeout()).isBefore(now)) {
            end(s);
            LOG.infof("%s logged out after %s without a touch", s.person().username(), config.idleTimeout());
            return new Lookup(null, Ended.IDLE);
        }
        if (touch) {
            s.touch(now);
        }
        return new Lookup(s, null);
    }

    /**
     * An access token good for at least the next half minute, refreshed when needed.
     *
     * @throws SessionEndedException when Keycloak no longer refreshes it (its session ended)
     */
    public String accessToken(UiSession s) {
        Tokens t = s.tokens();
        if (!t.accessExpiresWithin(REFRESH_MARGIN, now())) {
            return t.access();
        }
        synchronized (s) {
            t = s.tokens();
            if (t.accessExpiresWithin(REFRESH_MARGIN, now())) {
                try {
                    Tokens fresh = keycloak.refresh(t.refresh());
                    s.renew(verifier.verify(fresh), fresh);
                } catch (KeycloakClient.KeycloakException e) {
                    if (!e.grantRefused()) {
                        // Keycloak down or slow: the session stays; the page says so and the person tries again
                        LOG.warnf("session of %s not refreshed now: %s", s.person().username(), e.getMessage());
                        throw e;
                    }
                    LOG.infof("session of %s ended at Keycloak: %s", s.person().username(), e.getMessage());
                    end(s);
                    throw new SessionEndedException();
                } catch (TokenVerifier.InvalidToken e) {
                    LOG.warnf("refreshed token of %s refused: %s", s.person().username(), e.getMessage());
                    end(s);
                    throw new SessionEndedException();
                }
            }
            return s.tokens().access();
        }
    }

    /** The same person logged in again (a signature): their fresh tokens replace the session's. */
    void renew(UiSession s, Person person, Tokens tokens) {
        s.renew(person, tokens);
        s.touch(now());
    }

    /** Ends the session here at once and Keycloak's behind it in the background (a page must not wait for it). */
    public void end(UiSession s) {
        if (sessions.remove(s.id()) != null) {
            Tokens tokens = s.tokens();
            vertx.executeBlocking(() -> {
                keycloak.logout(tokens);
                return null;
            }, false);
        }
    }

    /** The gateway's clock (a test's own in tests). */
    public Instant now() {
        return clock.instant();
    }

    private void sweep() {
        Instant now = now();
        sessions.values().forEach(s -> find(s.id(), false));
        logins.values().removeIf(l -> l.createdAt().plus(config.loginTimeout()).isBefore(now));
    }

    /** The session was ended by Keycloak (or the gateway) while the page was open. */
    public static final class SessionEndedException extends RuntimeException {
        public SessionEndedException() {
            super("session ended");
        }
    }
}
