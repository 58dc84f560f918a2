package org.pilotline.mes.genealogy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.genealogy.api.GenealogyApi.AsBuiltRecord;
import org.pilotline.mes.genealogy.api.GenealogyApi.BackwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.CellView;
import org.pilotline.mes.genealogy.api.GenealogyApi.Passport;
import org.pilotline.mes.genealogy.domain.AsBuiltRecords;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.genealogy.domain.TraceService;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/cells")
@Tag(name = "Cells", description = "Cells, what they were made from and how")
public class CellResource {

    private final GenealogyService genealogy;
    private final TraceService trace;
    private final AsBuiltRecords records;
    private final SecurityIdentity identity;

    CellResource(GenealogyService genealogy, TraceService trace, AsBuiltRecords records, SecurityIdentity identity) {
        this.genealogy = genealogy;
        this.trace = trace;
        this.records = records;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Cells whose serial starts with serialPrefix (at least 3 characters), by serial",
            description = "For a label read in part, or a search box; each cell as GET /cells/{serial} answers it.")
    public Page<CellView> search(@QueryParam("serialPrefix") String serialPrefix, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return genealogy.cellsBySerialPrefix(serialPrefix, PageRequest.of(page, size));
    }

    @GET
    @Path("/{serial}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "A cell: product and stage, lot and work order, status, current operation, module")
    public CellView get(@PathParam("serial") String serial) {
        return genealogy.cell(serial);
    }

    @GET
    @Path("/{serial}/trace/backward")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Every material lot that went into the cell, through every intermediate, to the raw lots",
            description = "Each step with its operation, machine or the person who entered it, and time; the "
                    + "operations that ran on the cell and its lot with the machines' settings; corrections.")
    public BackwardTrace backward(@PathParam("serial") String serial) {
        return trace.backward(serial);
    }

    @GET
    @Path("/{serial}/as-built")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The cell's as-built record: the backward trace with the atmosphere of every step",
            description = "Environment readings come from the equipment service; what it could not tell is listed "
                    + "under gaps.")
    public AsBuiltRecord asBuilt(@PathParam("serial") String serial) {
        return records.record(serial, token());
    }

    @GET
    @Path("/{serial}/as-built.html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The as-built record as a printable page for an auditor")
    public String asBuiltDocument(@PathParam("serial") String serial) {
        return AsBuiltDocument.render(records.record(serial, token()));
    }

    @GET
    @Path("/{serial}/passport")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Battery passport data of the cell: identity, model, date and place of manufacture, "
            + "materials and their suppliers")
    public Passport passport(@PathParam("serial") String serial) {
        return records.passport(serial, token());
    }

    private String token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getRawToken() : null;
    }
}
