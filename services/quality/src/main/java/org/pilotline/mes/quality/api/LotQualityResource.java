package org.pilotline.mes.quality.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.contracts.rest.LotDisposition;
import org.pilotline.mes.contracts.rest.StartClearance;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.GateApi.GateView;
import org.pilotline.mes.quality.domain.DispositionService;
import org.pilotline.mes.quality.domain.GateService;

@Path("/lots/{lot}")
@Tag(name = "Lots", description = "Gates, start clearance and disposition of a production lot")
public class LotQualityResource {

    private final DispositionService dispositions;
    private final GateService gates;

    LotQualityResource(DispositionService dispositions, GateService gates) {
        this.dispositions = dispositions;
        this.gates = gates;
    }

    @GET
    @Path("/disposition")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "OK only when the lot's measurements cover its plan, none failed, and no hold or NCR is "
            + "open on it or its cells; otherwise every reason, with the lot's yield")
    public LotDisposition disposition(@PathParam("lot") String lot) {
        return dispositions.of(lot);
    }

    @GET
    @Path("/gates/{operation}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The quality gate of an operation for the lot, or for one cell of it: PASS, FAIL or PENDING")
    public GateView gate(@PathParam("lot") String lot, @PathParam("operation") String operation,
            @QueryParam("cell") String cell) {
        return gates.gate(lot, operation, cell);
    }

    @GET
    @Path("/operations/{operation}/to-measure")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "What the operator still has to measure for the operation: per characteristic, the "
            + "plan's sampling, the cells measured and the cells to measure next")
    public List<GateApi.ToMeasure> toMeasure(@PathParam("lot") String lot, @PathParam("operation") String operation) {
        return gates.toMeasure(lot, operation);
    }

    @GET
    @Path("/clearance")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "May the next operation start on the lot (or one cell of it)?",
            description = "Clear only when the gate of the operation before (after=) passed and no hold is open on "
                    + "the lot, its cells (or the cell) or the station (equipment=). Asked by work-orders before "
                    + "every start.")
    public StartClearance clearance(@PathParam("lot") String lot, @QueryParam("after") String after,
            @QueryParam("cell") String cell, @QueryParam("equipment") String equipment) {
        return gates.clearance(lot, after, cell, equipment);
    }
}
