package org.pilotline.mes.workorders.api;

import java.util.List;

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
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.ApprovalApi.DecisionView;
import org.pilotline.mes.workorders.api.ApprovalApi.LotDecision;
import org.pilotline.mes.workorders.api.SerialApi.AllocateSerials;
import org.pilotline.mes.workorders.api.SerialApi.SerialBlock;
import org.pilotline.mes.workorders.api.WorkOrderApi.LotSummary;
import org.pilotline.mes.workorders.api.WorkOrderApi.LotView;
import org.pilotline.mes.workorders.domain.LotApprovalService;
import org.pilotline.mes.workorders.domain.LotFilter;
import org.pilotline.mes.workorders.domain.LotState;
import org.pilotline.mes.workorders.domain.SerialService;
import org.pilotline.mes.workorders.domain.Stage;
import org.pilotline.mes.workorders.domain.WorkOrderService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/lots")
@Tag(name = "Lots", description = "Lots of a work order and their approval under electronic signature")
@Idempotent
public class LotResource {

    private final WorkOrderService workOrders;
    private final LotApprovalService approvals;
    private final SerialService serials;
    private final SecurityIdentity identity;

    LotResource(WorkOrderService workOrders, LotApprovalService approvals, SerialService serials,
            SecurityIdentity identity) {
        this.workOrders = workOrders;
        this.approvals = approvals;
        this.serials = serials;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Lots across work orders, most urgent first, with the operation each is at",
            description = "Filters: state (repeated or comma-separated: CREATED, IN_PROCESS, READY, APPROVED, "
                    + "REJECTED; e.g. state=READY for the lots waiting for a signature), workOrder, product, stage. "
                    + "Ordered by the work order's priority, then due date, then lot.")
    public Page<LotSummary> list(@QueryParam("state") List<String> states, @QueryParam("workOrder") String workOrder,
            @QueryParam("product") String product, @QueryParam("stage") String stage, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        LotFilter filter = new LotFilter(QueryParams.enums(LotState.class, states, "lot-state", "lot state"),
                workOrder, product, QueryParams.one(Stage.class, stage, "stage", "stage"));
        PageRequest req = PageRequest.of(page, size);
        return req.result(workOrders.lots(filter, req.offset(), req.size()), workOrders.countLots(filter));
    }

    @GET
    @Path("/{lot}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public LotView get(@PathParam("lot") String lot) {
        return workOrders.lot(lot);
    }

    @POST
    @Path("/{lot}/serials")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Allocate a block of cell serials to the lot, e.g. for a station that labels offline",
            description = "Serials are unique in the plant and never reused; a lot gets at most twice its planned "
                    + "quantity. Answers 201 with every serial of the block.")
    public Response allocate(@PathParam("lot") String lot, @Valid @NotNull AllocateSerials req) {
        SerialBlock block = serials.allocate(lot, req.count(), req.station(), Actor.of(identity));
        return Response.status(201).entity(block).build();
    }

    @GET
    @Path("/{lot}/serials")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The serial blocks of a lot")
    public List<SerialBlock> blocks(@PathParam("lot") String lot) {
        return serials.blocks(lot);
    }

    @POST
    @Path("/{lot}/approval")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Approve or reject a lot with an electronic signature (login within the last 5 minutes)",
            description = "Approval asks quality for the lot's disposition and is refused (409 lot-not-ok) with "
                    + "every reason when quality says not OK, or (503) when quality cannot answer.")
    public DecisionView decide(@PathParam("lot") String lot, @Valid @NotNull LotDecision decision) {
        return approvals.decide(lot, decision, identity);
    }
}
