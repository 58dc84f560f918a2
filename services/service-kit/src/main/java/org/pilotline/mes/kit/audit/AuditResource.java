package org.pilotline.mes.kit.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Roles;

/** The audit trail, for auditors: read it, and ask the service to verify its hash chain. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
@RolesAllowed({ Roles.AUDITOR, Roles.ADMIN, Roles.QUALITY })
public class AuditResource {

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(summary = "Audit rows, oldest first; filter by entity type and id")
    public Page<AuditEntry> list(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (entityId != null && entityType == null) {
            throw ProblemException.badRequest("audit-filter", "entityId needs entityType");
        }
        PageRequest req = PageRequest.of(page, size);
        return req.result(trail.find(entityType, entityId, req.offset(), req.size()), trail.count(entityType, entityId));
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Recompute the hash chain and say whether every row is intact")
    public AuditTrail.ChainVerification verify() {
        return trail.verify();
    }
}
