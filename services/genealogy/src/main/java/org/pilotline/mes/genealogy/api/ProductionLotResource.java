package org.pilotline.mes.genealogy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.genealogy.api.GenealogyApi.CellView;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.security.Roles;

@Path("/lots")
@Tag(name = "Production lots", description = "The cells of a work order's lot")
public class ProductionLotResource {

    private final GenealogyService genealogy;

    ProductionLotResource(GenealogyService genealogy) {
        this.genealogy = genealogy;
    }

    @GET
    @Path("/{lot}/cells")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The cells of a production lot by serial, each as GET /cells/{serial} answers it",
            description = "Status, current operation, module and open holds of every cell; 404 for a lot neither "
                    + "work-orders announced nor a stacker named.")
    public Page<CellView> cells(@PathParam("lot") String lot, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return genealogy.cellsOfLot(lot, PageRequest.of(page, size));
    }
}
