package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.pilotline.mes.gateway.config.UiConfig;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.SessionStore;
import org.pilotline.mes.gateway.session.Flash;
import org.pilotline.mes.gateway.session.PendingSignature;
import org.pilotline.mes.gateway.session.UiSession;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Applies a signed change once Keycloak has confirmed the signer's password (see LoginResource): sent once, with
 * the session's fresh token and the form's idempotency key, its outcome shown on the page it came from.
 */
@Path("/ui/signatures")
public class SignatureResource {

    private static final Logger LOG = Logger.getLogger(SignatureResource.class);

    @CheckedTemplate(basePath = "signature")
    static class Templates {
        static native TemplateInstance manifest(SignManifest manifest);
    }

    private final ServiceClient services;
    private final CurrentSession current;
    private final UiConfig config;
    private final SessionStore sessions;

    SignatureResource(ServiceClient services, CurrentSession current, UiConfig config, SessionStore sessions) {
        this.services = services;
        this.sessions = sessions;
        this.current = current;
        this.config = config;
    }

    /**
     * The signer agreed to a manifest: off to Keycloak for the password. A manifest no longer held (the session
     * was renewed, the gateway restarted) is reviewed again: the page it was on is shown afresh.
     */
    @POST
    @Path("/{id}/sign")
    public Response sign(@PathParam("id") String id) {
        UiSession s = current.get();
        if (!s.signatures().containsKey(id)) {
            s.flash(Flash.refused("signature_gone", List.of()));
            return Response.noContent().header("HX-Refresh", "true").build();
        }
        return Response.noContent().header("HX-Redirect", "/auth/sign/" + seg(id)).build();
    }

    @GET
    @Path("/{id}/apply")
    public Response apply(@PathParam("id") String id) {
        UiSession s = current.get();
        PendingSignature pending = s.signatures().remove(id);
        if (pending == null) {
            return Response.seeOther(URI.create(Pages.startPage(s.person()))).build();
        }
        if (pending.confirmedAt() == null
                || Duration.between(pending.confirmedAt(), sessions.now()).compareTo(config.signatureLoginMaxAge()) > 0) {
            s.flash(Flash.refused("signature_not_fresh", List.of()));
            return Response.seeOther(URI.create(pending.returnTo())).build();
        }
        try {
            JsonNode answer = services.send(s, "POST", pending.service(), pending.path(), pending.body(),
                    pending.idempotencyKey());
            JsonNode sig = answer == null ? null : answer.path("signature");
            LOG.infof("%s signed %s %s", s.person().username(), pending.service(), pending.path());
            s.flash(new Flash("signature_applied", false, sig == null || sig.isMissingNode() ? List.of()
                    : List.of(sig.path("printedName").asText() + " · " + sig.path("signedAt").asText() + " · "
                            + sig.path("meaning").asText() + " · " + sig.path("reason").asText())));
        } catch (ServiceProblem p) {
            s.flash(Flash.refused(p.headlineKey(), p.reasons().isEmpty() && !p.detail().isBlank()
                    ? List.of(p.detail()) : p.reasons()));
        }
        return Response.seeOther(URI.create(pending.returnTo())).build();
    }
}
