package org.pilotline.mes.quality.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.PlanApi.PlanVersionView;
import org.pilotline.mes.quality.api.PlanApi.ReleasePlan;
import org.pilotline.mes.quality.domain.PlanService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/plans/{product}")
@Tag(name = "Inspection plans", description = "Versioned per product: characteristics, limits, sampling, reactions")
@Idempotent
public class PlanResource {

    private final PlanService plans;
    private final SecurityIdentity identity;

    PlanResource(PlanService plans, SecurityIdentity identity) {
        this.plans = plans;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The plan version in force for a product")
    public PlanVersionView current(@PathParam("product") String product) {
        return plans.current(product);
    }

    @PUT
    @RolesAllowed({ Roles.QUALITY, Roles.ADMIN })
    @Operation(summary = "Release a new version of the product's plan; the one in force is superseded",
            description = "Every characteristic the version is to have; 400 invalid-plan lists every problem. The "
                    + "same plan as the one in force makes no new version (200).")
    public Response release(@PathParam("product") @Pattern(regexp = QualityApi.CODE) String product, @Valid @NotNull ReleasePlan req) {
        PlanService.Released r = plans.release(product, req, Actor.of(identity));
        if (!r.created()) {
            return Response.ok(r.plan()).build(); // the plan in force already says exactly this
        }
        return Response.created(URI.create("/api/quality/plans/" + product + "/versions/" + r.plan().version()))
                .entity(r.plan()).build();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Every version of the product's plan, newest first (without characteristics)")
    public List<PlanVersionView> versions(@PathParam("product") String product) {
        return plans.versions(product);
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public PlanVersionView version(@PathParam("product") String product, @PathParam("version") int version) {
        return plans.version(product, version);
    }
}
