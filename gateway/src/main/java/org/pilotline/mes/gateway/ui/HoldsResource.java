package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;

import org.pilotline.mes.gateway.config.UiConfig;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.QualityViews.Hold;
import org.pilotline.mes.gateway.ui.QualityViews.Typed;
import org.pilotline.mes.gateway.ui.SignManifest.Line;
import org.pilotline.mes.gateway.ui.StationViews.Page;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Quality's holds board: every hold open on a lot, a cell, a material lot or a machine, whoever placed it (a
 * person, a rule, an exposure clock, an atmosphere excursion), refreshed when a hold is placed or released
 * anywhere. Quality and supervisors place holds; only quality releases one, under an electronic signature (the
 * manifest, then the password again at Keycloak). Auditors read.
 */
@Path("/ui/quality")
@Produces(MediaType.TEXT_HTML)
public class HoldsResource {

    static final String SECTION = "/ui/quality";
    private static final List<String> SHOWN = List.of("open", "released", "all");

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;
    private final UiConfig config;

    HoldsResource(ServiceClient services, CurrentSession current, Frame frame, UiConfig config) {
        this.services = services;
        this.current = current;
        this.frame = frame;
        this.config = config;
    }

    /** The board: holds as chosen ({@code shown}: open, released or all) and the form to place one. */
    public record Board(List<Hold> holds, long total, String shown, String itemType, Typed place, boolean mayPlace,
            boolean mayRelease, long refreshSeconds) {

        public String query() {
            return "shown=" + shown + (itemType.isEmpty() ? "" : "&itemType=" + itemType);
        }
    }

    public record HoldDetail(Hold hold, Typed release, boolean mayRelease) {
    }

    @CheckedTemplate(basePath = "quality")
    static class Templates {
        static native TemplateInstance holds(Board board, List<String> shownChoices, List<String> itemTypes);

        static native TemplateInstance holdRows(Board board);

        static native TemplateInstance placeHold(Board board, List<String> itemTypes);

        static native TemplateInstance hold(HoldDetail detail);

        static native TemplateInstance release(HoldDetail detail);
    }

    @GET
    public Response section() {
        return Response.seeOther(URI.create(SECTION + "/holds")).build();
    }

    @GET
    @Path("/holds")
    public TemplateInstance board(@QueryParam("shown") String shown, @QueryParam("itemType") String itemType) {
        UiSession s = current.get();
        return frame.page(Templates.holds(board(s, shown, itemType, Typed.blank()), SHOWN, QualityViews.ITEM_TYPES),
                SECTION);
    }

    /** The list alone, fetched again when a hold is placed or released anywhere (pushed) and on a schedule. */
    @GET
    @Path("/holds/rows")
    public TemplateInstance rows(@QueryParam("shown") String shown, @QueryParam("itemType") String itemType) {
        return frame.localized(Templates.holdRows(board(current.get(), shown, itemType, Typed.blank())));
    }

    @POST
    @Path("/holds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance place(MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemType", Forms.text(form, "itemType"));
        body.put("itemId", Forms.text(form, "itemId"));
        body.put("reason", Forms.text(form, "reason"));
        Typed outcome;
        try {
            services.send(s, "POST", "quality", "/holds", body, form.getFirst("key"));
            outcome = new Typed(Map.of(), null, "hold_placed_done", Panel.newKey());
        } catch (ServiceProblem p) {
            outcome = new Typed(Forms.typed(form), p, null, Forms.keyToResend(p, form));
        }
        return frame.localized(Templates.placeHold(board(s, "open", "", outcome), QualityViews.ITEM_TYPES));
    }

    @GET
    @Path("/holds/{id}")
    public TemplateInstance hold(@PathParam("id") long id) {
        UiSession s = current.get();
        return frame.page(Templates.hold(detail(s, id, Typed.blank())), SECTION);
    }

    /** The release typed: checked for completeness, then shown as the manifest to sign. */
    @POST
    @Path("/holds/{id}/release/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        if (!mayRelease(s)) {
            throw Forbidden.problem();
        }
        String meaning = Forms.text(form, "meaning"), reason = Forms.text(form, "reason");
        if (meaning.isBlank() || reason.isBlank()) {
            Typed refused = new Typed(Forms.typed(form), new ServiceProblem(400, "signature-incomplete", "", List.of(),
                    List.of()), null, form.getFirst("key"));
            return Response.ok(frame.localized(Templates.release(detail(s, id, refused))).render())
                    .header("X-MES-Refused", "true").build();
        }
        Hold hold = services.get(s, "quality", "/holds/" + id, Hold.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meaning", meaning);
        body.put("reason", reason);
        SignManifest manifest = SignManifest.hold(s, "quality", "/holds/" + id + "/release", services.json(body),
                form.getFirst("key"), List.of(new Line("manifest_release_hold", "#" + hold.id()),
                        new Line("manifest_item",
                                QualityViews.itemName(Msgs.of(s, QualityMsg.class), hold.itemType()) + " " + hold.itemId()),
                        new Line("manifest_held_because", hold.reason()), new Line("meaning", meaning),
                        new Line("reason", reason)),
                SECTION + "/holds/" + id, SECTION + "/holds/" + id + "/release/edit", Forms.typed(form));
        return Response.ok(frame.localized(SignatureResource.Templates.manifest(manifest)).render()).build();
    }

    /** Back from the manifest to the form, as typed. */
    @POST
    @Path("/holds/{id}/release/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance edit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        return frame.localized(Templates.release(detail(s, id, new Typed(Forms.typed(form), null, null,
                form.getFirst("key")))));
    }

    private Board board(UiSession s, String shown, String itemType, Typed place) {
        String chosen = shown == null || !SHOWN.contains(shown) ? "open" : shown;
        String type = itemType == null || !QualityViews.ITEM_TYPES.contains(itemType) ? "" : itemType;
        Page<Hold> page = services.get(s, "quality", "/holds?size=200"
                + ("all".equals(chosen) ? "" : "&open=" + "open".equals(chosen))
                + (type.isEmpty() ? "" : "&itemType=" + seg(type)), new TypeReference<Page<Hold>>() {
                });
        return new Board(page.items(), page.total(), chosen, type, place, mayPlace(s), mayRelease(s),
                config.refreshEvery().toSeconds());
    }

    private HoldDetail detail(UiSession s, long id, Typed release) {
        return new HoldDetail(services.get(s, "quality", "/holds/" + id, Hold.class), release, mayRelease(s));
    }

    private static boolean mayPlace(UiSession s) {
        return s.person().has(Roles.QUALITY) || s.person().has(Roles.SUPERVISOR);
    }

    /** Only quality lifts a hold (the quality service checks again, and wants a fresh login). */
    private static boolean mayRelease(UiSession s) {
        return s.person().has(Roles.QUALITY);
    }
}
