package org.pilotline.mes.workorders.api;

import java.net.URI;
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
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.WorkOrderApi.CreateWorkOrder;
import org.pilotline.mes.workorders.api.WorkOrderApi.LotView;
import org.pilotline.mes.workorders.api.WorkOrderApi.StateChange;
import org.pilotline.mes.workorders.api.WorkOrderApi.WorkOrderView;
import org.pilotline.mes.workorders.domain.Stage;
import org.pilotline.mes.workorders.domain.WorkOrderAction;
import org.pilotline.mes.workorders.domain.WorkOrderFilter;
import org.pilotline.mes.workorders.domain.WorkOrderService;
import org.pilotline.mes.workorders.domain.WorkOrderState;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/work-orders")
@Tag(name = "Work orders", description = "ISA-95 job orders, split into lots when released")
@Idempotent
public class WorkOrderResource {

    private final WorkOrderService workOrders;
    private final SecurityIdentity identity;

    WorkOrderResource(WorkOrderService workOrders, SecurityIdentity identity) {
        this.workOrders = workOrders;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Create a work order for a product; it takes the product's released routing")
    public Response create(@Valid @NotNull CreateWorkOrder req) {
        WorkOrderView view = workOrders.create(req, Actor.of(identity));
        return Response.created(URI.create("work-orders/" + view.number())).entity(view).build();
    }

    @POST
    @Path("/{number}/{action}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Move a work order: release, start, hold, resume, suspend, end, abort or cancel",
            description = "Hold, suspend, abort and cancel need a reason. An illegal move is refused with 409 and "
                    + "the moves allowed from the order's state. Releasing splits the order into lots.")
    public WorkOrderView act(@PathParam("number") String number, @PathParam("action") String action,
            @Valid StateChange change) {
        WorkOrderAction a = WorkOrderAction.fromPath(action).orElseThrow(() -> new ProblemException(404,
                "unknown-action", "No such action", "Work orders can be: " + java.util.Arrays
                        .stream(WorkOrderAction.values()).map(WorkOrderAction::pathName)
                        .collect(java.util.stream.Collectors.joining(", "))));
        return workOrders.apply(number, a, change == null ? null : change.reason(), Actor.of(identity));
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Work orders by priority, then age; filter by states, product and stage",
            description = "state may be repeated or comma-separated (state=RELEASED&state=RUNNING); stage is SAMPLE, "
                    + "VALIDATION, PROCESS or PRODUCTION.")
    public Page<WorkOrderView> list(@QueryParam("state") List<String> states, @QueryParam("product") String product,
            @QueryParam("stage") String stage, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        WorkOrderFilter filter = new WorkOrderFilter(
                QueryParams.enums(WorkOrderState.class, states, "work-order-state", "work-order state"), product,
                QueryParams.one(Stage.class, stage, "stage", "stage"));
        PageRequest req = PageRequest.of(page, size);
        return req.result(workOrders.list(filter, req.page(), req.size()), workOrders.count(filter));
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public WorkOrderView get(@PathParam("number") String number) {
        return workOrders.get(number);
    }

    @GET
    @Path("/{number}/lots")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public List<LotView> lots(@PathParam("number") String number) {
        return workOrders.lotsOf(number);
    }
}
