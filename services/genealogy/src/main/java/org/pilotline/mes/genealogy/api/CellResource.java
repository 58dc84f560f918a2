package org.pilotline.mes.genealogy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.genealogy.api.GenealogyApi.BackwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.CellView;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.genealogy.domain.TraceService;
import org.pilotline.mes.kit.security.Roles;

@Path("/cells")
@Tag(name = "Cells", description = "Cells and what they were made from")
public class CellResource {

    private final GenealogyService genealogy;
    private final TraceService trace;

    CellResource(GenealogyService genealogy, TraceService trace) {
        this.genealogy = genealogy;
        this.trace = trace;
    }

    @GET
    @Path("/{serial}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public CellView get(@PathParam("serial") String serial) {
        return genealogy.cell(serial);
    }

    @GET
    @Path("/{serial}/trace/backward")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Every material lot that went into the cell, through every intermediate, to the raw lots")
    public BackwardTrace backward(@PathParam("serial") String serial) {
        return trace.backward(serial);
    }
}
