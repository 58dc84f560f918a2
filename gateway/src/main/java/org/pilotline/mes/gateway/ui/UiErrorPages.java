package org.pilotline.mes.gateway.ui;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.pilotline.mes.gateway.session.KeycloakClient.KeycloakException;
import org.pilotline.mes.gateway.session.SessionStore;
import org.pilotline.mes.gateway.session.UiSessionFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What a screen shows when a service refused or could not be asked and the page had nothing better to say: the
 * refusal in the person's words, never a stack trace or a bare status. A session Keycloak ended meanwhile goes to
 * the login, as a request without a session does.
 */
public class UiErrorPages {

    private static final Logger LOG = Logger.getLogger(UiErrorPages.class);

    private final Frame frame;

    UiErrorPages(Frame frame) {
        this.frame = frame;
    }

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance page(ServiceProblem problem);

        static native TemplateInstance fragment(ServiceProblem problem);
    }

    @ServerExceptionMapper
    public Response refused(ServiceProblem problem, ContainerRequestContext request) {
        boolean fragment = "true".equals(request.getHeaderString("HX-Request"));
        TemplateInstance body = fragment ? frame.localized(Templates.fragment(problem))
                : frame.page(Templates.page(problem), null);
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE).header("X-MES-Refused", "true")
                .entity(body.render()).build();
    }

    /** Keycloak could not be asked for a fresh token: the session stays, the person tries again shortly. */
    @ServerExceptionMapper
    public Response keycloakUnavailable(KeycloakException e, ContainerRequestContext request) {
        LOG.warnf("%s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e.getMessage());
        return refused(new ServiceProblem(503, "keycloak-unavailable", "", List.of(), List.of()), request);
    }

    @ServerExceptionMapper
    public Response sessionEnded(SessionStore.SessionEndedException e, ContainerRequestContext request) {
        return UiSessionFilter.withoutSession(request, SessionStore.Ended.EXPIRED);
    }
}
