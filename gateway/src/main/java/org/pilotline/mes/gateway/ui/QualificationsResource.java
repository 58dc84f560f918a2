package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.StationViews.Page;
import org.pilotline.mes.gateway.ui.SupervisorViews.Qualification;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Training records: who may run which operations, until when; granted and revoked by supervisors. */
@Path("/ui/qualifications")
@Produces(MediaType.TEXT_HTML)
public class QualificationsResource {

    private static final String SECTION = "/ui/qualifications";
    /** The qualifications the seed routings require; a routing may name others, typed in. */
    static final List<String> KNOWN = List.of("MATERIAL_HANDLING", "INERT_HANDLING", "STACKING", "PRESS_OPERATION",
            "FORMATION");

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    QualificationsResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    /** The list, and the outcome of the last grant or revocation. */
    public record Board(List<Qualification> items, boolean includeExpired, ServiceProblem refusal, String done,
            Map<String, String> values, String key) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }
    }

    @CheckedTemplate(basePath = "qualifications")
    static class Templates {
        static native TemplateInstance page(Board board, List<String> known, boolean mayChange);

        static native TemplateInstance board(Board board, List<String> known, boolean mayChange);
    }

    @GET
    public TemplateInstance page(@QueryParam("includeExpired") boolean includeExpired) {
        UiSession s = current.get();
        return frame.page(Templates.page(board(s, includeExpired, null, null, Map.of(), Panel.newKey()), KNOWN, mayChange(s)),
                SECTION);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance grant(MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", form.getFirst("user") == null ? null : form.getFirst("user").trim());
        body.put("qualification", form.getFirst("qualification"));
        String until = form.getFirst("validUntil");
        body.put("validUntil", until == null || until.isBlank() ? null : until);
        try {
            services.send(s, "POST", "work-orders", "/qualifications", body, form.getFirst("key"));
            return fragment(s, null, "done_granted", Map.of(), Panel.newKey());
        } catch (ServiceProblem p) {
            return fragment(s, p, null, Forms.typed(form), Forms.keyToResend(p, form));
        }
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance revoke(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        try {
            services.send(s, "DELETE", "work-orders", "/qualifications/" + seg(Long.toString(id)), null,
                    form.getFirst("key"));
            return fragment(s, null, "done_revoked", Map.of(), Panel.newKey());
        } catch (ServiceProblem p) {
            return fragment(s, p, null, Map.of(), Forms.keyToResend(p, form));
        }
    }

    private TemplateInstance fragment(UiSession s, ServiceProblem refusal, String done, Map<String, String> typed,
            String key) {
        return frame.localized(Templates.board(board(s, false, refusal, done, typed, key), KNOWN, mayChange(s)));
    }

    private Board board(UiSession s, boolean includeExpired, ServiceProblem refusal, String done,
            Map<String, String> typed, String key) {
        List<Qualification> items = services.get(s, "work-orders", "/qualifications?size=500"
                + (includeExpired ? "&includeExpired=true" : ""), new TypeReference<Page<Qualification>>() {
                }).items();
        return new Board(items, includeExpired, refusal, done, typed, key);
    }

    private static boolean mayChange(UiSession s) {
        return s.person().has(Roles.SUPERVISOR) || s.person().has(Roles.ADMIN);
    }
}
