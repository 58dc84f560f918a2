package org.pilotline.mes.equipment.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.equipment.persistence.ProcessDataStore;
import org.pilotline.mes.equipment.persistence.ProcessDataStore.ContextKind;
import org.pilotline.mes.equipment.persistence.ProcessDataStore.ContextSeries;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Roles;

@Path("/process-data")
@Tag(name = "Process data")
@RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
public class ProcessDataResource {

    private final ProcessDataStore data;

    ProcessDataResource(ProcessDataStore data) {
        this.data = data;
    }

    public record ContextData(String cell, String lot, String materialLot, List<ContextSeries> series) {
    }

    @GET
    @Operation(summary = "Process values recorded for a cell, lot or material lot (the context of the message)",
            description = "Exactly one of cell, lot, materialLot. Each series (equipment and tag) with count, "
                    + "min, max, average, first and last time, and its first points (default 100).")
    public ContextData byContext(@QueryParam("cell") String cell, @QueryParam("lot") String lot,
            @QueryParam("materialLot") String materialLot, @QueryParam("points") Integer points) {
        int given = (cell != null ? 1 : 0) + (lot != null ? 1 : 0) + (materialLot != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.badRequest("one-context", "give exactly one of cell, lot, materialLot");
        }
        int n = points == null ? 100 : points;
        if (n < 0 || n > 10000) {
            throw ProblemException.badRequest("bad-points", "points is 0 to 10000");
        }
        List<ContextSeries> series = cell != null ? data.ofContext(ContextKind.CELL, cell, n)
                : lot != null ? data.ofContext(ContextKind.LOT, lot, n)
                        : data.ofContext(ContextKind.MATERIAL_LOT, materialLot, n);
        return new ContextData(cell, lot, materialLot, series);
    }
}
