package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.pilotline.mes.contracts.rest.LotDisposition;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.SignManifest.Line;
import org.pilotline.mes.gateway.ui.StationViews.Lot;
import org.pilotline.mes.gateway.ui.StationViews.Operation;
import org.pilotline.mes.gateway.ui.StationViews.Page;
import org.pilotline.mes.gateway.ui.SupervisorViews.LotRow;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Lots: those waiting for a decision (and any other state), a lot's progress operation by operation, quality's
 * disposition with every reason, and the supervisor's approval or rejection under an electronic signature: the
 * manifest is shown, then the password is entered again at Keycloak before the decision is sent.
 */
@Path("/ui/lots")
@Produces(MediaType.TEXT_HTML)
public class LotsResource {

    private static final String SECTION = "/ui/lots";
    static final List<String> STATES = List.of("READY", "IN_PROCESS", "CREATED", "APPROVED", "REJECTED");

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    LotsResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    /**
     * A lot and what a decision on it depends on.
     *
     * @param disposition quality's answer, or null when quality could not answer ({@code qualityProblem})
     * @param lastExecutor who completed the lot's last operation: they may not sign it (four eyes)
     */
    public record LotDetail(Lot lot, List<Operation> operations, LotDisposition disposition,
            ServiceProblem qualityProblem, String lastExecutor) {

        public long completed() {
            return operations.stream().filter(Operation::completed).count();
        }

        public boolean decided() {
            return "APPROVED".equals(lot.state()) || "REJECTED".equals(lot.state());
        }
    }

    /** The approval form as typed, with the manifest the signer will be asked to sign. */
    public record Approval(String decision, String meaning, String reason, ServiceProblem refusal, String key) {

        static Approval blank() {
            return new Approval("APPROVE", "", "", null, Panel.newKey());
        }
    }

    @CheckedTemplate(basePath = "lots")
    static class Templates {
        static native TemplateInstance list(List<LotRow> lots, long total, String state, List<String> states);

        static native TemplateInstance detail(LotDetail detail, Approval approval, boolean maySign,
                boolean fourEyes);

        static native TemplateInstance approval(LotDetail detail, Approval approval, boolean maySign,
                boolean fourEyes);
    }

    @GET
    public TemplateInstance list(@QueryParam("state") String state) {
        UiSession s = current.get();
        String chosen = state == null ? (s.person().has(Roles.SUPERVISOR) ? "READY" : "") : state;
        Page<LotRow> page = services.get(s, "work-orders", "/lots?size=100"
                + (chosen.isEmpty() ? "" : "&state=" + seg(chosen)), new TypeReference<Page<LotRow>>() {
                });
        return frame.page(Templates.list(page.items(), page.total(), chosen, STATES), SECTION);
    }

    @GET
    @Path("/{lot}")
    public TemplateInstance detail(@PathParam("lot") String lot) {
        UiSession s = current.get();
        LotDetail d = detail(s, lot);
        return frame.page(Templates.detail(d, Approval.blank(), maySign(s), fourEyes(s, d)), SECTION);
    }

    /** The decision typed: checked for completeness, then shown as the manifest to sign. */
    @POST
    @Path("/{lot}/approval/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("lot") String lot, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        if (!maySign(s)) {
            throw Forbidden.problem();
        }
        Approval typed = typed(form, null);
        if (typed.reason().isBlank() || typed.meaning().isBlank()
                || !List.of("APPROVE", "REJECT").contains(typed.decision())) {
            LotDetail d = detail(s, lot);
            return Response.ok(frame.localized(Templates.approval(d, typed(form, new ServiceProblem(400,
                    "signature-incomplete", "", List.of(), List.of())), maySign(s), fourEyes(s, d))).render())
                    .header("X-MES-Refused", "true").build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", typed.decision());
        body.put("meaning", typed.meaning());
        body.put("reason", typed.reason());
        String decision = "APPROVE".equals(typed.decision()) ? Msgs.of(s, Msg.class).decision_APPROVE()
                : Msgs.of(s, Msg.class).decision_REJECT();
        SignManifest manifest = SignManifest.hold(s, "work-orders", "/lots/" + seg(lot) + "/approval",
                services.json(body), typed.key(), List.of(new Line("lot", lot), new Line("decision", decision),
                        new Line("meaning", typed.meaning()), new Line("reason", typed.reason())),
                SECTION + "/" + seg(lot), SECTION + "/" + seg(lot) + "/approval/edit", Forms.typed(form));
        return Response.ok(frame.localized(SignatureResource.Templates.manifest(manifest)).render()).build();
    }

    /** Back from the manifest to the form, as typed. */
    @POST
    @Path("/{lot}/approval/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance edit(@PathParam("lot") String lot, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        LotDetail d = detail(s, lot);
        return frame.localized(Templates.approval(d, typed(form, null), maySign(s), fourEyes(s, d)));
    }

    private LotDetail detail(UiSession s, String lot) {
        CompletableFuture<Lot> view = services.getAsync(s, "work-orders", "/lots/" + seg(lot), Lot.class);
        CompletableFuture<List<Operation>> ops = services.getAsync(s, "work-orders", "/lots/" + seg(lot)
                + "/operations", new TypeReference<List<Operation>>() {
                });
        CompletableFuture<Object> disposition = services.getAsync(s, "quality", "/lots/" + seg(lot)
                + "/disposition", LotDisposition.class).handle((d, e) -> d != null ? d
                        : e.getCause() instanceof ServiceProblem p ? p
                                : new ServiceProblem(503, "quality-unavailable", "", List.of(), List.of()));
        List<Operation> operations = ServiceClient.await(ops);
        String last = operations.isEmpty() ? null : operations.get(operations.size() - 1).completedBy();
        Object d = disposition.join(); // handled: never fails
        return new LotDetail(ServiceClient.await(view), operations, d instanceof LotDisposition ld ? ld : null,
                d instanceof ServiceProblem p ? p : null, last);
    }

    private static boolean maySign(UiSession s) {
        return s.person().has(Roles.SUPERVISOR);
    }

    /** The signer completed the lot's last operation: the four-eyes rule forbids them to sign it. */
    private static boolean fourEyes(UiSession s, LotDetail d) {
        return d.lastExecutor() != null && (d.lastExecutor().equals(s.person().username())
                || d.lastExecutor().equals(s.person().subject()));
    }

    private static Approval typed(MultivaluedMap<String, String> form, ServiceProblem refusal) {
        String key = form.getFirst("key");
        return new Approval(Forms.text(form, "decision"), Forms.text(form, "meaning"), Forms.text(form, "reason"), refusal,
                key == null || key.isBlank() ? Panel.newKey() : key);
    }
}
