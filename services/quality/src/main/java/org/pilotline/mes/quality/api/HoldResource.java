package org.pilotline.mes.quality.api;

import java.net.URI;

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
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.HoldApi.HoldView;
import org.pilotline.mes.quality.api.HoldApi.PlaceHold;
import org.pilotline.mes.quality.api.HoldApi.ReleaseHold;
import org.pilotline.mes.quality.domain.HoldService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/holds")
@Tag(name = "Holds", description = "Holds on cells, lots, material lots and equipment; released under signature")
@Idempotent
public class HoldResource {

    private final HoldService holds;
    private final SecurityIdentity identity;

    HoldResource(HoldService holds, SecurityIdentity identity) {
        this.holds = holds;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.QUALITY, Roles.SUPERVISOR })
    @Operation(summary = "Place a hold with a reason; it blocks the next operation and approval of what it covers")
    public Response place(@Valid @NotNull PlaceHold req) {
        HoldView h = holds.place(req, HoldService.PERSON, Actor.of(identity));
        return Response.created(URI.create("holds/" + h.id())).entity(h).build();
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed(Roles.QUALITY)
    @Operation(summary = "Release an open hold: an electronic signature (login within 5 minutes, meaning, reason)")
    public HoldView release(@PathParam("id") long id, @Valid @NotNull ReleaseHold req) {
        return holds.release(id, req, identity);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public HoldView get(@PathParam("id") long id) {
        return holds.get(id);
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Holds, newest first; filter by item and open or released")
    public Page<HoldView> list(@QueryParam("itemType") String itemType, @QueryParam("itemId") String itemId,
            @QueryParam("open") Boolean open, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return holds.list(itemType, itemId, open, PageRequest.of(page, size));
    }
}
