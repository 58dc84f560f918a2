package org.pilotline.mes.genealogy.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.genealogy.api.GenealogyApi.ExposureLimit;
import org.pilotline.mes.genealogy.api.GenealogyApi.ExposureView;
import org.pilotline.mes.genealogy.api.GenealogyApi.Transfer;
import org.pilotline.mes.genealogy.domain.ExposureClocks;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/exposure")
@Tag(name = "Exposure clocks", description = "Minutes sulfide material spent outside inert or dry atmosphere")
@Idempotent
public class ExposureResource {

    private final ExposureClocks clocks;
    private final SecurityIdentity identity;

    ExposureResource(ExposureClocks clocks, SecurityIdentity identity) {
        this.clocks = clocks;
        this.identity = identity;
    }

    @GET
    @Path("/material-lots/{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Where the lot is, its exposure so far, its material's limit and when it passed it")
    public ExposureView exposure(@PathParam("id") String id) {
        return clocks.of(id);
    }

    @GET
    @Path("/material-lots")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Every running exposure clock (lots available or held, moved, with a limit), the nearest "
            + "to its limit first; size: at most that many (default 100, at most 500)")
    public List<ExposureView> running(@QueryParam("size") @Min(1) @Max(500) Integer size) {
        return clocks.running(size == null ? 100 : size);
    }

    @POST
    @Path("/material-lots/{id}/transfers")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Record that the lot moved: location, atmosphere (INERT, DRY, AMBIENT), when (default now)")
    public ExposureView transfer(@PathParam("id") String id, @Valid @NotNull Transfer req) {
        return clocks.transfer(id, req, Actor.of(identity));
    }

    @GET
    @Path("/limits")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public List<Map<String, Object>> limits() {
        return clocks.limits().stream()
                .map(r -> Map.<String, Object>of("materialType", r[0], "limitMinutes", ((Number) r[1]).intValue()))
                .toList();
    }

    @PUT
    @Path("/limits/{materialType}")
    @RolesAllowed({ Roles.QUALITY, Roles.ADMIN })
    @Operation(summary = "Set how many minutes of exposure a material type allows; audited")
    public Map<String, Object> putLimit(@PathParam("materialType") @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String type,
            @Valid @NotNull ExposureLimit req) {
        clocks.putLimit(type, req.limitMinutes(), req.reason(), Actor.of(identity));
        return Map.of("materialType", type, "limitMinutes", req.limitMinutes());
    }
}
