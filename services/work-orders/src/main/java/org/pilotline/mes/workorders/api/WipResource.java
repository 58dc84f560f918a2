package org.pilotline.mes.workorders.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.DispatchApi.Wip;
import org.pilotline.mes.workorders.domain.DispatchService;

/** The line's work in process in one read, for the live line view (not one request per machine). */
@Path("/wip")
@Tag(name = "Dispatch", description = "What to run next")
public class WipResource {

    private final DispatchService dispatch;

    WipResource(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Work in process: per routing operation and per station",
            description = "Lots of released or running work orders not yet finished. Per operation (by code, lowest "
                    + "sequence first): lots and cells started or paused at it, lots waiting for it (their next "
                    + "operation, not started). Per station: the operation, lots and cells started or paused there.")
    public Wip wip(@QueryParam("product") String product) {
        return dispatch.wip(product);
    }
}
