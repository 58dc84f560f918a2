package org.pilotline.mes.workorders.api;

import java.util.List;

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
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.problem.ProblemException;
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
    public List<QualificationView> of(@QueryParam("user") String user) {
        if (user == null || user.isBlank()) {
            throw ProblemException.badRequest("user-required", "Give ?user=");
        }
        return qualifications.of(user);
    }
}
