package org.pilotline.mes.gateway.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;
import org.pilotline.mes.gateway.config.UiConfig;
import org.pilotline.mes.gateway.session.KeycloakClient.KeycloakException;
import org.pilotline.mes.gateway.session.TokenVerifier.InvalidToken;
import org.pilotline.mes.gateway.ui.Languages;
import org.pilotline.mes.gateway.ui.Pages;

import io.quarkus.qute.TemplateInstance;

/**
 * Browser login with Keycloak (authorization code flow with PKCE), logout, and the fresh login an electronic
 * signature asks for. The browser only ever holds the session cookie.
 */
@Path("/auth")
public class LoginResource {

    private static final Logger LOG = Logger.getLogger(LoginResource.class);
    private static final int LOGIN_COOKIE_SECONDS = 600;

    private final UiConfig config;
    private final SessionStore sessions;
    private final KeycloakClient keycloak;
    private final TokenVerifier verifier;
    private final Languages languages;

    LoginResource(UiConfig config, SessionStore sessions, KeycloakClient keycloak, TokenVerifier verifier,
            Languages languages) {
        this.config = config;
        this.sessions = sessions;
        this.keycloak = keycloak;
        this.verifier = verifier;
        this.languages = languages;
    }

    /** Sends the browser to Keycloak's login page, in the tablet's language. */
    @GET
    @Path("/login")
    public Response login(@QueryParam("return") String returnTo, @RestCookie(Cookies.LANGUAGE) String language,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        PendingLogin login = sessions.begin(PendingLogin.login(Pages.localPath(returnTo), sessions.now()));
        return redirectToKeycloak(login, uri, headers, languages.pick(language, headers), null, null);
    }

    /** Keycloak's answer: a code to exchange, or an error (the person cancelled, say). */
    @GET
    @Path("/callback")
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @RestCookie(Cookies.LOGIN) String boundState,
            @RestCookie(Cookies.SESSION) String sessionId, @RestCookie(Cookies.LANGUAGE) String language,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        PendingLogin login = sessions.finish(state).orElse(null);
        if (login == null || !login.state().equals(boundState)) {
            // an old or replayed answer, or one this browser never asked for: start again
            return Response.seeOther(URI.create("/auth/login")).cookie(Cookies.cleared(config, Cookies.LOGIN)).build();
        }
        if (error != null || code == null) {
            if (login.forSignature()) {
                // the signer turned back at Keycloak: nothing signed, and the page they return to says so
                UiSession session = sessions.find(sessionId, true).session();
                if (session != null && session.id().equals(login.sessionId())) {
                    session.signatures().remove(login.signature());
                    session.flash(Flash.refused("signature_cancelled", List.of()));
                }
            }
            return Response.seeOther(URI.create(login.forSignature() ? login.returnTo() : "/auth/logged-out?reason=cancelled"))
                    .cookie(Cookies.cleared(config, Cookies.LOGIN)).build();
        }
        Tokens tokens;
        Person person;
        try {
            tokens = keycloak.exchange(code, login.codeVerifier(), redirectUri(uri, headers));
            person = verifier.verify(tokens);
            verifier.checkIdToken(tokens, login, person);
        } catch (KeycloakException | InvalidToken e) {
            LOG.warnf("login refused: %s", e.getMessage());
            return Response.status(502).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Pages.loginFailed(languages.pick(language, headers)).render())
                    .cookie(Cookies.cleared(config, Cookies.LOGIN)).build();
        }
        return login.forSignature() ? signed(login, sessionId, tokens, person)
                : loggedIn(login, sessionId, tokens, person, languages.pick(language, headers));
    }

    private Response loggedIn(PendingLogin login, String previousSessionId, Tokens tokens, Person person,
            String tabletLanguage) {
        UiSession previous = sessions.find(previousSessionId, false).session();
        if (previous != null) {
            // the next person on a shared tablet: whoever was logged in there is logged out, here and at Keycloak
            sessions.end(previous);
        }
        String language = person.locale() != null ? languages.pick(person.locale(), null) : tabletLanguage;
        UiSession session = sessions.open(person, tokens, language);
        String target = login.returnTo() != null ? login.returnTo() : Pages.startPage(person);
        return Response.seeOther(URI.create(target))
                .cookie(Cookies.of(config, Cookies.SESSION, session.id(), -1, true),
                        Cookies.cleared(config, Cookies.LOGIN),
                        Cookies.of(config, Cookies.LANGUAGE, language, 400 * 24 * 3600, false))
                .build();
    }

    /**
     * The password entered again for a signature: only the person of the session, only just now. The fresh
     * tokens become the session's, so the signed call carries an {@code auth_time} the service accepts.
     */
    private Response signed(PendingLogin login, String sessionId, Tokens tokens, Person person) {
        UiSession session = sessions.find(sessionId, true).session();
        if (session == null || !session.id().equals(login.sessionId())) {
            keycloak.logout(tokens);
            return Response.seeOther(URI.create("/auth/logged-out?reason=expired"))
                    .cookie(Cookies.cleared(config, Cookies.LOGIN)).build();
        }
        PendingSignature pending = session.signatures().get(login.signature());
        Instant now = sessions.now();
        boolean samePerson = person.subject().equals(session.person().subject());
        boolean fresh = person.authTime() != null
                && Duration.between(person.authTime(), now).compareTo(config.signatureLoginMaxAge()) <= 0;
        if (pending == null || !samePerson || !fresh) {
            if (!samePerson) {
                LOG.warnf("signature in the session of %s was attempted by %s: refused", session.person().username(),
                        person.username());
                keycloak.logout(tokens);
            }
            session.signatures().remove(login.signature());
            session.flash(Flash.refused(!samePerson ? "signature_other_person" : !fresh ? "signature_not_fresh"
                    : "signature_gone", List.of()));
            return Response.seeOther(URI.create(login.returnTo())).cookie(Cookies.cleared(config, Cookies.LOGIN))
                    .build();
        }
        sessions.renew(session, person, tokens);
        session.signatures().put(pending.id(), pending.confirmed(now));
        return Response.seeOther(URI.create("/ui/signatures/" + pending.id() + "/apply"))
                .cookie(Cookies.cleared(config, Cookies.LOGIN)).build();
    }

    /** Sends the signer to Keycloak to enter the password again, the user name filled in. */
    @GET
    @Path("/sign/{signature}")
    public Response sign(@PathParam("signature") String signature, @RestCookie(Cookies.SESSION) String sessionId,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        UiSession session = sessions.find(sessionId, true).session();
        if (session == null) {
            return Response.seeOther(URI.create("/auth/logged-out?reason=expired")).build();
        }
        PendingSignature pending = session.signatures().get(signature);
        if (pending == null) {
            return Response.seeOther(URI.create(Pages.startPage(session.person()))).build();
        }
        PendingLogin login = sessions.begin(PendingLogin.signature(pending.id(), session.id(), pending.returnTo(),
                sessions.now()));
        return redirectToKeycloak(login, uri, headers, session.language(), 0, session.person().username());
    }

    @GET
    @Path("/logout")
    public Response logout(@QueryParam("reason") String reason, @RestCookie(Cookies.SESSION) String sessionId) {
        SessionStore.Lookup found = sessions.find(sessionId, false);
        if (found.session() != null) {
            LOG.infof("%s logged out%s", found.session().person().username(), reason == null ? "" : " (" + reason + ")");
            sessions.end(found.session());
        }
        String why = "idle".equals(reason) ? "idle" : "logout";
        return Response.seeOther(URI.create("/auth/logged-out?reason=" + why))
                .cookie(Cookies.cleared(config, Cookies.SESSION)).build();
    }

    /** Where a logout, an idle timeout or a cancelled login ends: one big button to log in again. */
    @GET
    @Path("/logged-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance loggedOut(@QueryParam("reason") String reason, @QueryParam("return") String returnTo,
            @RestCookie(Cookies.LANGUAGE) String language, @Context HttpHeaders headers) {
        String back = Pages.localPath(returnTo);
        return Pages.loggedOut(languages.pick(language, headers), reason == null ? "logout" : reason,
                "/auth/login" + (back == null ? "" : "?return=" + java.net.URLEncoder.encode(back,
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Response redirectToKeycloak(PendingLogin login, UriInfo uri, HttpHeaders headers, String language,
            Integer maxAge, String loginHint) {
        try {
            String target = keycloak.authorizationUrl(login, redirectUri(uri, headers), language, maxAge, loginHint);
            return Response.seeOther(URI.create(target))
                    .cookie(Cookies.of(config, Cookies.LOGIN, login.state(), LOGIN_COOKIE_SECONDS, true)).build();
        } catch (KeycloakException e) {
            LOG.warnf("login not possible: %s", e.getMessage());
            return Response.status(503).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Pages.loginFailed(language).render()).build();
        }
    }

    /**
     * The callback as the browser reaches this gateway: the configured public address, else the request's own
     * (behind an ingress, with quarkus.http.proxy.proxy-address-forwarding, the forwarded one). Keycloak accepts
     * only the client's registered callbacks, so a forged Host header cannot send a code elsewhere.
     */
    private String redirectUri(UriInfo uri, HttpHeaders headers) {
        String base = config.publicUrl().orElseGet(() -> uri.getBaseUri().getScheme() + "://"
                + uri.getBaseUri().getAuthority());
        return base.replaceAll("/+$", "") + "/auth/callback";
    }
}
