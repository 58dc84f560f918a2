package org.pilotline.mes.quality.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.contracts.rest.LotDisposition;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.domain.DispositionService;

@Path("/lots")
@Tag(name = "Lot disposition", description = "May a lot be approved, and if not, why")
public class LotDispositionResource {

    private final DispositionService dispositions;

    LotDispositionResource(DispositionService dispositions) {
        this.dispositions = dispositions;
    }

    @GET
    @Path("/{lot}/disposition")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "OK only when every cell passed every characteristic of the plan; otherwise every reason")
    public LotDisposition disposition(@PathParam("lot") String lot) {
        return dispositions.of(lot);
    }
}
