package org.pilotline.mes.genealogy.api;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.genealogy.api.GenealogyApi.RecallCell;
import org.pilotline.mes.genealogy.api.GenealogyApi.RecallScope;
import org.pilotline.mes.genealogy.domain.RecallService;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.security.Roles;

@Path("/recalls/scope")
@Tag(name = "Recall", description = "Which cells, lots and intermediate material a set of material lots reached")
@RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
public class RecallResource {

    private final RecallService recall;

    RecallResource(RecallService recall) {
        this.recall = recall;
    }

    @GET
    @Produces("application/json")
    @Operation(summary = "The recall scope of one or more material lots (?materialLot=A&materialLot=B)",
            description = "Every cell they reached through any number of steps, paginated (page, size), with its lot, "
                    + "work order, product, the shortest number of steps and which of the named lots it came from; all "
                    + "production lots and intermediate lots reached; the named lots that are unknown.")
    public RecallScope scope(@QueryParam("materialLot") List<String> materialLots, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        return recall.scope(materialLots, req.offset(), req.size());
    }

    @GET
    @Path("/cells.csv")
    @Produces("text/csv")
    @Operation(summary = "Every affected cell as a CSV download (serial, lot, work order, product, depth, sources)")
    public Response csv(@QueryParam("materialLot") List<String> materialLots) {
        List<RecallCell> cells = recall.allCells(materialLots);
        String body = "serial,lot,work_order,product,depth,source_lots\n" + cells.stream()
                .map(c -> String.join(",", c.serial(), c.lot(), nullToEmpty(c.workOrder()), nullToEmpty(c.product()),
                        Integer.toString(c.depth()), String.join(" ", c.sourceLots())))
                .collect(Collectors.joining("\n", "", cells.isEmpty() ? "" : "\n"));
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"recall-scope.csv\"").build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
