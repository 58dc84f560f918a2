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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.RoutingApi.CreateRouting;
import org.pilotline.mes.workorders.api.RoutingApi.RoutingView;
import org.pilotline.mes.workorders.domain.RoutingService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/routings")
@Tag(name = "Routings", description = "Versioned operation sequences; a released version is immutable")
@Idempotent
public class RoutingResource {

    private final RoutingService routings;
    private final SecurityIdentity identity;

    RoutingResource(RoutingService routings, SecurityIdentity identity) {
        this.routings = routings;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create the next version of a routing, as a draft")
    public Response create(@Valid @NotNull CreateRouting req) {
        RoutingView view = routings.createVersion(req, Actor.of(identity));
        return Response.created(URI.create("routings/" + view.code() + "/versions/" + view.version())).entity(view)
                .build();
    }

    @POST
    @Path("/{code}/versions/{version}/release")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Release a draft version; the product's previously released version becomes obsolete")
    public RoutingView release(@PathParam("code") String code, @PathParam("version") String version) {
        return routings.release(code, version(version), Actor.of(identity));
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public List<RoutingView> versions(@PathParam("code") String code) {
        List<RoutingView> versions = routings.versions(code);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("Routing", code);
        }
        return versions;
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public RoutingView get(@PathParam("code") String code, @PathParam("version") String version) {
        return routings.get(code, version(version));
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("routing-version", "Routing version must be a number: " + text);
        }
    }
}
