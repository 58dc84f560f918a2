package org.pilotline.mes.gateway.ui;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.pilotline.mes.gateway.session.Cookies;
import org.pilotline.mes.gateway.session.SessionStore;

/** The gateway's address opened in a browser: the person's start page, or the login. */
@Path("/")
public class HomeResource {

    private final SessionStore sessions;

    HomeResource(SessionStore sessions) {
        this.sessions = sessions;
    }

    @GET
    public Response home(@RestCookie(Cookies.SESSION) String sessionId) {
        SessionStore.Lookup found = sessions.find(sessionId, false);
        if (found.session() == null) {
            return Response.seeOther(URI.create(found.ended() == SessionStore.Ended.IDLE
                    ? "/auth/logged-out?reason=idle" : "/auth/login")).build();
        }
        return Response.seeOther(URI.create(Pages.startPage(found.session().person()))).build();
    }
}
