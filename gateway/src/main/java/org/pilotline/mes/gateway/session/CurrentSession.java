package org.pilotline.mes.gateway.session;

import jakarta.enterprise.context.RequestScoped;

/** The session of the request being served, found by {@link UiSessionFilter}. */
@RequestScoped
public class CurrentSession {

    private UiSession session;

    void set(UiSession session) {
        this.session = session;
    }

    /** The session; UI pages are only reached with one. */
    public UiSession get() {
        if (session == null) {
            throw new IllegalStateException("no session on this request");
        }
        return session;
    }

    public Person person() {
        return get().person();
    }
}
