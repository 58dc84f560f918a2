package org.pilotline.mes.gateway.session;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every /ui request: finds its session, refuses a change without the session's CSRF token or from another origin,
 * and counts the request as the person's activity unless the page marked it as its own refresh. Without a session
 * a page goes to the login (and comes back), and a page's background request gets 401, on which the page's script
 * keeps what was typed and sends the person to log in.
 */
public class UiSessionFilter {

    private static final Logger LOG = Logger.getLogger(UiSessionFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Marks the page's own refreshes, which must not keep an unattended tablet logged in. */
    public static final String BACKGROUND = "X-MES-Background";
    public static final String CSRF = "X-CSRF-Token";
    /** Tells the page's script why the session is gone (idle, expired, unknown). */
    public static final String ENDED = "X-MES-Session-Ended";

    private final SessionStore sessions;
    private final CurrentSession current;

    UiSessionFilter(SessionStore sessions, CurrentSession current) {
        this.sessions = sessions;
        this.current = current;
    }

    /** Before matching, so a request to no page still counts (or not) as the person's activity. */
    @ServerRequestFilter(preMatching = true)
    public Response resolve(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/ui") && !path.startsWith("/ui/")) {
            return null;
        }
        Cookie cookie = request.getCookies().get(Cookies.SESSION);
        // the screen's own refreshes and its event stream are not the person's activity
        boolean background = "true".equals(request.getHeaderString(BACKGROUND)) || path.equals("/ui/events");
        SessionStore.Lookup found = sessions.find(cookie == null ? null : cookie.getValue(), !background);
        if (found.session() == null) {
            return withoutSession(request, found.ended());
        }
        if (!SAFE.contains(request.getMethod())) {
            if (!sameToken(found.session().csrfToken(), request.getHeaderString(CSRF))) {
                LOG.warnf("%s %s without the session's CSRF token refused", request.getMethod(), path);
                return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).entity("CSRF token missing or wrong")
                        .build();
            }
            String origin = request.getHeaderString("Origin");
            if (origin != null && !origin.equals(origin(request))) {
                LOG.warnf("%s %s from origin %s refused", request.getMethod(), path, origin);
                return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).entity("cross-origin request refused")
                        .build();
            }
        }
        current.set(found.session());
        return null;
    }

    /** A page goes to the login and comes back; a background or changing request gets 401 with the reason. */
    public static Response withoutSession(ContainerRequestContext request, SessionStore.Ended ended) {
        String why = ended == null ? "unknown" : ended.name().toLowerCase();
        String accept = request.getHeaderString("Accept");
        // a page's own requests and its event stream cannot follow a login: they are told, and the page acts
        if ("true".equals(request.getHeaderString("HX-Request")) || !SAFE.contains(request.getMethod())
                || (accept != null && accept.contains("text/event-stream"))) {
            return Response.status(401).header(ENDED, why).type(MediaType.TEXT_PLAIN_TYPE).entity("session ended")
                    .build();
        }
        String back = request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                        : "?" + request.getUriInfo().getRequestUri().getRawQuery());
        String encoded = URLEncoder.encode(back, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(ended == SessionStore.Ended.IDLE
                ? "/auth/logged-out?reason=idle&return=" + encoded : "/auth/login?return=" + encoded)).build();
    }

    private static String origin(ContainerRequestContext request) {
        URI base = request.getUriInfo().getBaseUri();
        return base.getScheme() + "://" + base.getAuthority();
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
