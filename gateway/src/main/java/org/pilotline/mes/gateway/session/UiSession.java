package org.pilotline.mes.gateway.session;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One person logged in on one browser. The browser holds only the session's random id in an HttpOnly cookie;
 * tokens stay here.
 */
public final class UiSession {

    private final String id;
    private final String csrfToken;
    private final Instant createdAt;
    private volatile Person person;
    private volatile Tokens tokens;
    private volatile Instant lastActivity;
    private volatile String language;
    private volatile Flash flash;
    private static final int MAX_PENDING_SIGNATURES = 8;

    private final Map<String, PendingSignature> signatures = new ConcurrentHashMap<>();

    UiSession(String id, String csrfToken, Person person, Tokens tokens, String language, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.person = person;
        this.tokens = tokens;
        this.language = language;
        this.createdAt = now;
        this.lastActivity = now;
    }

    public String id() {
        return id;
    }

    /** Sent with every change the page makes (header or form field); a request from another site cannot know it. */
    public String csrfToken() {
        return csrfToken;
    }

    public Person person() {
        return person;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The language the UI speaks to this person (BCP 47, one of the UI's languages). */
    public String language() {
        return language;
    }

    public void language(String language) {
        this.language = language;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastActivity() {
        return lastActivity;
    }

    void touch(Instant now) {
        lastActivity = now;
    }

    synchronized void renew(Person person, Tokens tokens) {
        this.person = person;
        this.tokens = tokens;
    }

    /** A message for the next page this session shows (the outcome of a signature, say), shown once. */
    public void flash(Flash message) {
        this.flash = message;
    }

    public Flash takeFlash() {
        Flash f = flash;
        flash = null;
        return f;
    }

    /**
     * Holds a change until its signer has entered the password again. A few at most: a manifest reviewed and
     * abandoned must not pile up in a session that lasts a shift.
     */
    public PendingSignature hold(PendingSignature pending) {
        if (signatures.size() >= MAX_PENDING_SIGNATURES) {
            signatures.values().stream().min(java.util.Comparator.comparing(PendingSignature::createdAt))
                    .ifPresent(oldest -> signatures.remove(oldest.id()));
        }
        signatures.put(pending.id(), pending);
        return pending;
    }

    public Map<String, PendingSignature> signatures() {
        return signatures;
    }
}
