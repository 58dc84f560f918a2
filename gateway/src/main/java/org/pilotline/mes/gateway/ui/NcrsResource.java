package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.util.ArrayList;
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

import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.QualityViews.Ncr;
import org.pilotline.mes.gateway.ui.QualityViews.Typed;
import org.pilotline.mes.gateway.ui.SignManifest.Line;
import org.pilotline.mes.gateway.ui.StationViews.Page;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Nonconformance reports: the open ones first; opened by supervisors and quality on the items concerned (cells,
 * lots, material lots, machines); quality records the root cause and disposes of the nonconformance under an
 * electronic signature. Auditors read. The Pareto of defect codes is on its own tab.
 */
@Path("/ui/quality/ncrs")
@Produces(MediaType.TEXT_HTML)
public class NcrsResource {

    private static final List<String> STATUSES = List.of("OPEN", "DISPOSED");
    static final List<String> DISPOSITIONS = List.of("SCRAP", "REWORK", "USE_AS_IS", "RETURN_TO_SUPPLIER");

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    NcrsResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    public record NcrList(List<Ncr> ncrs, long total, String status, Typed open, boolean mayOpen) {
    }

    /** One NCR with its forms: the root cause and the disposition, each as typed. */
    public record NcrDetail(Ncr ncr, Typed rootCause, Typed disposition, boolean mayDispose) {
    }

    @CheckedTemplate(basePath = "quality")
    static class Templates {
        static native TemplateInstance ncrs(NcrList list, List<String> statuses, List<String> itemTypes);

        static native TemplateInstance openNcr(NcrList list, List<String> itemTypes);

        static native TemplateInstance ncr(NcrDetail detail, List<String> dispositions);

        static native TemplateInstance rootCause(NcrDetail detail);

        static native TemplateInstance disposition(NcrDetail detail, List<String> dispositions);
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status) {
        UiSession s = current.get();
        return frame.page(Templates.ncrs(list(s, status, Typed.blank()), STATUSES, QualityViews.ITEM_TYPES),
                HoldsResource.SECTION);
    }

    /** A new NCR: the items one per line (a scanner ends each with Enter), all of one kind. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        List<Map<String, String>> items = new ArrayList<>();
        for (String id : Forms.text(form, "items").split("[\\s,;]+")) {
            if (!id.isBlank()) {
                items.add(Map.of("itemType", Forms.text(form, "itemType"), "itemId", id.strip()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("defectCode", Forms.text(form, "defectCode").toUpperCase(java.util.Locale.ROOT));
        body.put("description", Forms.text(form, "description"));
        body.put("product", Forms.optional(form, "product"));
        body.put("items", items);
        try {
            Ncr opened = services.convert(services.send(s, "POST", "quality", "/ncrs", body, form.getFirst("key")),
                    Ncr.class);
            return Response.noContent().header("HX-Redirect", HoldsResource.SECTION + "/ncrs/" + opened.id()).build();
        } catch (ServiceProblem p) {
            Typed refused = new Typed(Forms.typed(form), p, null, Forms.keyToResend(p, form));
            return Response.ok(frame.localized(Templates.openNcr(list(s, "OPEN", refused), QualityViews.ITEM_TYPES))
                    .render()).header("X-MES-Refused", "true").build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance ncr(@PathParam("id") long id) {
        UiSession s = current.get();
        return frame.page(Templates.ncr(detail(s, id, Typed.blank(), Typed.blank()), DISPOSITIONS),
                HoldsResource.SECTION);
    }

    @POST
    @Path("/{id}/root-cause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance rootCause(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        Typed outcome;
        try {
            services.send(s, "PUT", "quality", "/ncrs/" + id + "/root-cause",
                    Map.of("rootCause", Forms.text(form, "rootCause")), form.getFirst("key"));
            outcome = new Typed(Map.of(), null, "root_cause_saved", Panel.newKey());
        } catch (ServiceProblem p) {
            outcome = new Typed(Forms.typed(form), p, null, Forms.keyToResend(p, form));
        }
        return frame.localized(Templates.rootCause(detail(s, id, outcome, Typed.blank())));
    }

    /** The disposition typed: checked for completeness, then shown as the manifest to sign. */
    @POST
    @Path("/{id}/disposition/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        if (!mayDispose(s)) {
            throw Forbidden.problem();
        }
        String disposition = Forms.text(form, "disposition"), meaning = Forms.text(form, "meaning");
        String reason = Forms.text(form, "reason");
        if (!DISPOSITIONS.contains(disposition) || meaning.isBlank() || reason.isBlank()) {
            Typed refused = new Typed(Forms.typed(form), new ServiceProblem(400, "signature-incomplete", "", List.of(),
                    List.of()), null, form.getFirst("key"));
            return Response.ok(frame.localized(Templates.disposition(detail(s, id, Typed.blank(), refused),
                    DISPOSITIONS)).render()).header("X-MES-Refused", "true").build();
        }
        Ncr ncr = services.get(s, "quality", "/ncrs/" + id, Ncr.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("disposition", disposition);
        body.put("meaning", meaning);
        body.put("reason", reason);
        String path = HoldsResource.SECTION + "/ncrs/" + id;
        SignManifest manifest = SignManifest.hold(s, "quality", "/ncrs/" + id + "/disposition", services.json(body),
                form.getFirst("key"), List.of(new Line("manifest_ncr", ncr.number()),
                        new Line("manifest_defect", ncr.defectCode() + ": " + ncr.description()),
                        new Line("manifest_disposition", named(s, disposition)), new Line("meaning", meaning),
                        new Line("reason", reason)),
                path, path + "/disposition/edit", Forms.typed(form));
        return Response.ok(frame.localized(SignatureResource.Templates.manifest(manifest)).render()).build();
    }

    @POST
    @Path("/{id}/disposition/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance edit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        return frame.localized(Templates.disposition(detail(s, id, Typed.blank(), new Typed(Forms.typed(form), null,
                null, form.getFirst("key"))), DISPOSITIONS));
    }

    /** The disposition in the signer's words, as the manifest shows it. */
    private static String named(UiSession s, String disposition) {
        QualityMsg m = Msgs.of(s, QualityMsg.class);
        return switch (disposition) {
            case "SCRAP" -> m.disposition_SCRAP();
            case "REWORK" -> m.disposition_REWORK();
            case "USE_AS_IS" -> m.disposition_USE_AS_IS();
            default -> m.disposition_RETURN_TO_SUPPLIER();
        };
    }

    private NcrList list(UiSession s, String status, Typed open) {
        String chosen = status == null ? "OPEN" : STATUSES.contains(status) ? status : "";
        Page<Ncr> page = services.get(s, "quality", "/ncrs?size=200" + (chosen.isEmpty() ? "" : "&status="
                + seg(chosen)), new TypeReference<Page<Ncr>>() {
                });
        boolean mayOpen = s.person().has(Roles.QUALITY) || s.person().has(Roles.SUPERVISOR)
                || s.person().has(Roles.OPERATOR);
        return new NcrList(page.items(), page.total(), chosen, open, mayOpen);
    }

    private NcrDetail detail(UiSession s, long id, Typed rootCause, Typed disposition) {
        return new NcrDetail(services.get(s, "quality", "/ncrs/" + id, Ncr.class), rootCause, disposition,
                mayDispose(s));
    }

    /** Root cause and disposition are quality's (the quality service checks again; the disposition is signed). */
    private static boolean mayDispose(UiSession s) {
        return s.person().has(Roles.QUALITY);
    }
}
