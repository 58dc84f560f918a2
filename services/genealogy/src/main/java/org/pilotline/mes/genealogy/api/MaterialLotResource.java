package org.pilotline.mes.genealogy.api;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.genealogy.api.GenealogyApi.Consume;
import org.pilotline.mes.genealogy.api.GenealogyApi.ForwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotBackwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.Scrap;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotView;
import org.pilotline.mes.genealogy.api.GenealogyApi.ReceiveMaterialLot;
import org.pilotline.mes.genealogy.domain.ConsumptionService;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.genealogy.domain.TraceService;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.genealogy.persistence.GenealogyStore.MaterialLotFilter;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/material-lots")
@Tag(name = "Material lots", description = "Raw and intermediate material lots, and where they went")
@Idempotent
public class MaterialLotResource {

    private static final List<String> STATUSES = List.of("AVAILABLE", "ON_HOLD", "CONSUMED", "SCRAPPED");
    private static final List<String> KINDS = List.of("RAW", "INTERMEDIATE", "CONSUMABLE");

    private final GenealogyService genealogy;
    private final TraceService trace;
    private final SecurityIdentity identity;

    private final ConsumptionService consumption;

    MaterialLotResource(GenealogyService genealogy, TraceService trace, ConsumptionService consumption,
            SecurityIdentity identity) {
        this.genealogy = genealogy;
        this.consumption = consumption;
        this.trace = trace;
        this.identity = identity;
    }

    @POST
    @Path("/{id}/consumptions")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Record material taken from the lot into a production lot or a cell",
            description = "Refused with 409 when the lot is on hold, consumed, scrapped, expired or short "
                    + "(material-lot-on-hold, material-lot-not-available, material-lot-expired, "
                    + "insufficient-quantity), 400 in another unit. Audited; the link is in the as-built graph.")
    public MaterialLotView consume(@PathParam("id") String id, @Valid @NotNull Consume req) {
        return consumption.consume(id, req, Actor.of(identity));
    }

    @POST
    @Path("/{id}/scrap")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY })
    @Operation(summary = "Scrap the lot: nothing more is taken from it; audited with the reason")
    public MaterialLotView scrap(@PathParam("id") String id, @Valid @NotNull Scrap req) {
        return consumption.scrap(id, req, Actor.of(identity));
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Receive a raw or consumable material lot from a supplier, with expiry and certificate")
    public Response receive(@Valid @NotNull ReceiveMaterialLot req) {
        MaterialLotView view = genealogy.receive(req, Actor.of(identity));
        return Response.created(URI.create("material-lots/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Material lots, soonest expiry first, then oldest: e.g. a station's material picker",
            description = "Filters: status (repeated or comma-separated: AVAILABLE, ON_HOLD, CONSUMED, SCRAPPED), "
                    + "materialType, kind (RAW, INTERMEDIATE, CONSUMABLE); usable=true: only lots that may be "
                    + "consumed today (available, not expired, exposure clock not exceeded).")
    public Page<MaterialLotView> list(@QueryParam("status") List<String> status,
            @QueryParam("materialType") String materialType, @QueryParam("kind") String kind,
            @QueryParam("usable") boolean usable, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        List<String> statuses = status == null ? List.of() : status.stream().flatMap(v -> Stream.of(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        for (String s : statuses) {
            if (!STATUSES.contains(s)) {
                throw ProblemException.badRequest("material-lot-status", "Unknown status " + s + "; known: "
                        + STATUSES);
            }
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw ProblemException.badRequest("material-lot-kind", "Unknown kind " + kind + "; known: " + KINDS);
        }
        return genealogy.materialLots(new MaterialLotFilter(statuses, blankToNull(materialType), kind, usable),
                PageRequest.of(page, size));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public MaterialLotView get(@PathParam("id") String id) {
        return genealogy.materialLot(id);
    }

    @GET
    @Path("/{id}/trace/backward")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Every material lot this one was made from, through every intermediate, to the raw lots")
    public MaterialLotBackwardTrace backward(@PathParam("id") String id) {
        return trace.backwardOfMaterialLot(id);
    }

    @GET
    @Path("/{id}/trace/forward")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Every material lot, production lot, work order and cell this lot went into",
            description = "depth: how many steps to follow (1 to 64, default 64; depth=1 is where-used: what took "
                    + "from this lot directly); the cells come a page at a time (page, size; nearest first) with "
                    + "totalCells; for every affected cell at once use the recall scope's CSV.")
    public ForwardTrace forward(@PathParam("id") String id, @QueryParam("depth") Integer depth,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        return trace.forward(id, depth == null ? GenealogyStore.MAX_DEPTH : depth, req.offset(), req.size());
    }
}
