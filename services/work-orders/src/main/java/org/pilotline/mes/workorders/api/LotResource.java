package org.pilotline.mes.workorders.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.ApprovalApi.DecisionView;
import org.pilotline.mes.workorders.api.ApprovalApi.LotDecision;
import org.pilotline.mes.workorders.api.WorkOrderApi.LotView;
import org.pilotline.mes.workorders.domain.LotApprovalService;
import org.pilotline.mes.workorders.domain.WorkOrderService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/lots")
@Tag(name = "Lots", description = "Lots of a work order and their approval under electronic signature")
public class LotResource {

    private final WorkOrderService workOrders;
    private final LotApprovalService approvals;
    private final SecurityIdentity identity;

    LotResource(WorkOrderService workOrders, LotApprovalService approvals, SecurityIdentity identity) {
        this.workOrders = workOrders;
        this.approvals = approvals;
        this.identity = identity;
    }

    @GET
    @Path("/{lot}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public LotView get(@PathParam("lot") String lot) {
        return workOrders.lot(lot);
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
