package org.pilotline.mes.workorders.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.DispatchApi.DispatchItem;
import org.pilotline.mes.workorders.domain.DispatchService;

@Path("/dispatch")
@Tag(name = "Dispatch", description = "What to run next")
public class DispatchResource {

    private final DispatchService dispatch;

    DispatchResource(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Operations ready to run, by priority then due date, for an equipment class or work centre",
            description = "An operation is ready when its work order is released or running, the operation before "
                    + "it on the lot is completed, and nobody has started it.")
    public List<DispatchItem> ready(@QueryParam("equipmentClass") String equipmentClass,
            @QueryParam("workCenterType") String workCenterType) {
        return dispatch.ready(equipmentClass, workCenterType);
    }
}
