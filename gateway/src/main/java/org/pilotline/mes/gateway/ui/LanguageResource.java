package org.pilotline.mes.gateway.ui;

import java.net.URI;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.pilotline.mes.gateway.config.UiConfig;
import org.pilotline.mes.gateway.session.Cookies;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.LanguagePreference;
import org.pilotline.mes.gateway.session.UiSession;

/**
 * The language switch. A logged-in person's choice is kept in their Keycloak account (so it follows them to any
 * tablet, and Keycloak's own pages speak it too); before a login the tablet remembers it in a cookie.
 */
@Path("/")
public class LanguageResource {

    private static final Logger LOG = Logger.getLogger(LanguageResource.class);
    private static final int YEAR = 400 * 24 * 3600;

    private final Languages languages;
    private final UiConfig config;
    private final CurrentSession current;
    private final LanguagePreference preference;

    LanguageResource(Languages languages, UiConfig config, CurrentSession current, LanguagePreference preference) {
        this.languages = languages;
        this.config = config;
        this.current = current;
        this.preference = preference;
    }

    /** Before anyone logged in: the tablet's language, then back to where the person was. */
    @GET
    @Path("/language")
    public Response tablet(@QueryParam("set") String language, @Context HttpHeaders headers) {
        String chosen = languages.pick(language, null);
        String back = Pages.localPath(refererPath(headers));
        return Response.seeOther(URI.create(back != null ? back : "/auth/logged-out"))
                .cookie(Cookies.of(config, Cookies.LANGUAGE, chosen, YEAR, false)).build();
    }

    /** A logged-in person's choice: kept for them, and the page reloads in it. */
    @POST
    @Path("/ui/language")
    public Response person(@FormParam("language") String language, @Context HttpHeaders headers) {
        UiSession session = current.get();
        String chosen = languages.pick(language, null);
        session.language(chosen);
        try {
            preference.save(session, chosen);
        } catch (RuntimeException e) {
            // the session speaks it anyway; the next login falls back to the tablet's cookie
            LOG.warnf("language of %s not kept in Keycloak: %s", session.person().username(), e.getMessage());
        }
        return Response.noContent().header("HX-Refresh", "true")
                .cookie(Cookies.of(config, Cookies.LANGUAGE, chosen, YEAR, false)).build();
    }

    private static String refererPath(HttpHeaders headers) {
        String referer = headers.getHeaderString("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI u = URI.create(referer);
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
