package org.pilotline.mes.workorders.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
import org.pilotline.mes.workorders.api.QualificationApi.GrantQualification;
import org.pilotline.mes.workorders.api.QualificationApi.QualificationView;
import org.pilotline.mes.workorders.domain.QualificationService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/qualifications")
@Tag(name = "Qualifications", description = "Who may run operations that require a qualification")
@Idempotent
public class QualificationResource {

    private final QualificationService qualifications;
    private final SecurityIdentity identity;

    QualificationResource(QualificationService qualifications, SecurityIdentity identity) {
        this.qualifications = qualifications;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Record that a user may run operations requiring a qualification, optionally until a date")
    public Response grant(@Valid @NotNull GrantQualification req) {
        return Response.status(201).entity(qualifications.grant(req, Actor.of(identity))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    public Response revoke(@PathParam("id") long id) {
        qualifications.revoke(id, Actor.of(identity));
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Training records by user, then qualification: one user's or everyone's",
            description = "Only those valid today unless includeExpired=true (then expired and revoked ones too); each "
                    + "with its state VALID, EXPIRED or REVOKED. Filter by user and qualification.")
    public Page<QualificationView> list(@QueryParam("user") String user,
            @QueryParam("qualification") String qualification, @QueryParam("includeExpired") boolean includeExpired,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        String u = user == null || user.isBlank() ? null : user.strip();
        String q = qualification == null || qualification.isBlank() ? null : qualification.strip();
        return req.result(qualifications.list(u, q, includeExpired, req.page(), req.size()),
                qualifications.count(u, q, includeExpired));
    }
}
