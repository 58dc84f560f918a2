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
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.ExecutionApi.CompleteOperation;
import org.pilotline.mes.workorders.api.ExecutionApi.OperationStatus;
import org.pilotline.mes.workorders.api.ExecutionApi.StartOperation;
import org.pilotline.mes.workorders.domain.ExecutionService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/lots/{lot}/operations")
@Tag(name = "Execution", description = "Running a lot through its routing, operation by operation")
public class ExecutionResource {

    private final ExecutionService execution;
    private final SecurityIdentity identity;

    ExecutionResource(ExecutionService execution, SecurityIdentity identity) {
        this.execution = execution;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The lot's operations in sequence, with what was started, completed and entered")
    public List<OperationStatus> list(@PathParam("lot") String lot) {
        return execution.operations(lot);
    }

    @POST
    @Path("/{operation}/start")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Start an operation; the previous one must be completed and the work order running or released")
    public OperationStatus start(@PathParam("lot") String lot, @PathParam("operation") String operation,
            @Valid StartOperation req) {
        return execution.start(lot, operation, req == null ? null : req.station(), Actor.of(identity));
    }

    @POST
    @Path("/{operation}/complete")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Complete a started operation with every parameter it asks for",
            description = "Values outside their limits need an outOfLimitReason and are reported to quality "
                    + "(event parameter.out-of-limit); scrap needs a scrapReason.")
    public OperationStatus complete(@PathParam("lot") String lot, @PathParam("operation") String operation,
            @Valid @NotNull CompleteOperation req) {
        return execution.complete(lot, operation, req, Actor.of(identity));
    }
}
