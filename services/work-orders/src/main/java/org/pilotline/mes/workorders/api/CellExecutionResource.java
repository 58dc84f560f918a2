package org.pilotline.mes.workorders.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.ExecutionApi.CompleteOperation;
import org.pilotline.mes.workorders.api.ExecutionApi.OperationStatus;
import org.pilotline.mes.workorders.api.ExecutionApi.PauseOperation;
import org.pilotline.mes.workorders.api.ExecutionApi.StartOperation;
import org.pilotline.mes.workorders.domain.ExecutionService;

import io.quarkus.security.identity.SecurityIdentity;

/** The same execution for one scanned cell: its lot is the one its serial was given to. */
@Path("/cells/{serial}/operations")
@Tag(name = "Execution", description = "Running a lot through its routing, operation by operation")
@Idempotent
public class CellExecutionResource {

    private final ExecutionService execution;
    private final SecurityIdentity identity;

    CellExecutionResource(ExecutionService execution, SecurityIdentity identity) {
        this.execution = execution;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The cell's operations: its own runs, or its lot's where it ran none of its own")
    public List<OperationStatus> list(@PathParam("serial") String serial) {
        return execution.operations(null, serial);
    }

    @POST
    @Path("/{operation}/start")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Start an operation on one cell; the first cell starts the lot's operation",
            description = ExecutionResource.START_REFUSALS + " Also refused for a scrapped cell and when the lot's "
                    + "operation is paused or completed.")
    public OperationStatus start(@PathParam("serial") String serial, @PathParam("operation") String operation,
            @Valid StartOperation req) {
        return execution.start(null, serial, operation, req == null ? null : req.station(), Actor.of(identity),
                ExecutionResource.token(identity));
    }

    @POST
    @Path("/{operation}/pause")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    public OperationStatus pause(@PathParam("serial") String serial, @PathParam("operation") String operation,
            @Valid @NotNull PauseOperation req) {
        return execution.pause(null, serial, operation, req.reason(), Actor.of(identity));
    }

    @POST
    @Path("/{operation}/resume")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    public OperationStatus resume(@PathParam("serial") String serial, @PathParam("operation") String operation) {
        return execution.resume(null, serial, operation, Actor.of(identity), ExecutionResource.token(identity));
    }

    @POST
    @Path("/{operation}/complete")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Complete the cell's operation with its parameters; scrap 1 with a reason scraps the cell")
    public OperationStatus complete(@PathParam("serial") String serial, @PathParam("operation") String operation,
            @Valid @NotNull CompleteOperation req) {
        return execution.complete(null, serial, operation, req, Actor.of(identity));
    }
}
