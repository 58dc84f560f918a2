package org.pilotline.mes.quality.api;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.pilotline.mes.quality.api.NcrApi.Dispose;
import org.pilotline.mes.quality.api.NcrApi.NcrView;
import org.pilotline.mes.quality.api.NcrApi.OpenNcr;
import org.pilotline.mes.quality.api.NcrApi.Pareto;
import org.pilotline.mes.quality.api.NcrApi.RootCause;
import org.pilotline.mes.quality.domain.NcrService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/ncrs")
@Tag(name = "Nonconformances", description = "NCRs: defect, items, root cause, signed disposition; Pareto")
@Idempotent
public class NcrResource {

    private final NcrService ncrs;
    private final SecurityIdentity identity;

    NcrResource(NcrService ncrs, SecurityIdentity identity) {
        this.ncrs = ncrs;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY })
    @Operation(summary = "Open a nonconformance report on cells, lots, material lots or equipment")
    public Response open(@Valid @NotNull OpenNcr req) {
        NcrView n = ncrs.open(req, Actor.of(identity));
        return Response.created(URI.create("/api/quality/ncrs/" + n.id())).entity(n).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "NCRs, newest first; filter by status (OPEN, DISPOSED), product, or an item")
    public Page<NcrView> list(@QueryParam("status") String status, @QueryParam("product") String product,
            @QueryParam("itemType") String itemType, @QueryParam("itemId") String itemId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return ncrs.list(status, product, itemType, itemId, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public NcrView get(@PathParam("id") long id) {
        return ncrs.get(id);
    }

    @PUT
    @Path("/{id}/root-cause")
    @RolesAllowed({ Roles.QUALITY })
    @Operation(summary = "Record the root cause of an open NCR (audited, may be revised until it is disposed)")
    public NcrView rootCause(@PathParam("id") long id, @Valid @NotNull RootCause req) {
        return ncrs.rootCause(id, req.rootCause(), Actor.of(identity));
    }

    @POST
    @Path("/{id}/disposition")
    @RolesAllowed({ Roles.QUALITY })
    @Operation(summary = "Dispose an open NCR under an electronic signature (login within 5 minutes)",
            description = "SCRAP, REWORK, USE_AS_IS or RETURN_TO_SUPPLIER; once (409 ncr-not-open after).")
    public NcrView dispose(@PathParam("id") long id, @Valid @NotNull Dispose req) {
        return ncrs.dispose(id, req, identity);
    }

    @GET
    @Path("/pareto")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Defect codes by count in a period (default the last 90 days), for a product or all")
    public Pareto pareto(@QueryParam("product") String product, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        TimeWindow w = TimeWindow.of(from, to, Duration.ofDays(90));
        return ncrs.pareto(product, w.from(), w.to());
    }
}
