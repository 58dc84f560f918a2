package org.pilotline.mes.workorders.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.jwt.JsonWebToken;
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

@Path("/lots/{lot}/operations")
@Tag(name = "Execution", description = "Running a lot through its routing, operation by operation")
@Idempotent
public class ExecutionResource {

    static final String START_REFUSALS = "Refused (409) when the previous operation is open, the operation already "
            + "started, the work order is not running, the operator lacks the qualification, the station is of the "
            + "wrong class or not available (stopped, faulted, maintenance, critical alarm, calibration or maintenance "
            + "overdue), or quality does not clear it (gate of the previous operation failed or pending, hold); 503 "
            + "when equipment or quality cannot answer.";

    private final ExecutionService execution;
    private final SecurityIdentity identity;

    ExecutionResource(ExecutionService execution, SecurityIdentity identity) {
        this.execution = execution;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The lot's operations in sequence, with what was started, paused, completed and entered")
    public List<OperationStatus> list(@PathParam("lot") String lot) {
        return execution.operations(lot, null);
    }

    @POST
    @Path("/{operation}/start")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Start an operation on the lot at a station", description = START_REFUSALS)
    public OperationStatus start(@PathParam("lot") String lot, @PathParam("operation") String operation,
            @Valid StartOperation req) {
        return execution.start(lot, null, operation, req == null ? null : req.station(), Actor.of(identity),
                token(identity));
    }

    @POST
    @Path("/{operation}/pause")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Pause a started operation, with a reason")
    public OperationStatus pause(@PathParam("lot") String lot, @PathParam("operation") String operation,
            @Valid @NotNull PauseOperation req) {
        return execution.pause(lot, null, operation, req.reason(), Actor.of(identity));
    }

    @POST
    @Path("/{operation}/resume")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Resume a paused operation; the station and quality are asked again")
    public OperationStatus resume(@PathParam("lot") String lot, @PathParam("operation") String operation) {
        return execution.resume(lot, null, operation, Actor.of(identity), token(identity));
    }

    @POST
    @Path("/{operation}/complete")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Complete a started operation with every parameter it asks for",
            description = "Values outside their limits need an outOfLimitReason and are reported to quality "
                    + "(event parameter.out-of-limit); scrap needs a scrapReason. Refused while cells are still in "
                    + "the operation; when cells ran it on their own, parameters, good and scrap come from them.")
    public OperationStatus complete(@PathParam("lot") String lot, @PathParam("operation") String operation,
            @Valid @NotNull CompleteOperation req) {
        return execution.complete(lot, null, operation, req, Actor.of(identity));
    }

    /** The caller's raw token, for the services execution asks on the caller's behalf. */
    static String token(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getRawToken() : null;
    }
}
