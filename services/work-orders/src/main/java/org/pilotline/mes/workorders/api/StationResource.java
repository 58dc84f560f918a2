package org.pilotline.mes.workorders.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.workorders.api.DispatchApi.StationDispatch;
import org.pilotline.mes.workorders.domain.DispatchService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/stations/{station}")
@Tag(name = "Dispatch", description = "What to run next")
public class StationResource {

    private final DispatchService dispatch;
    private final SecurityIdentity identity;

    StationResource(DispatchService dispatch, SecurityIdentity identity) {
        this.dispatch = dispatch;
        this.identity = identity;
    }

    @GET
    @Path("/dispatch")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "A station's dispatch list: its availability, then what to run there, most urgent first",
            description = "The station's equipment class and availability come from the equipment service (503 when "
                    + "it cannot answer); the items are the operations ready for that class, then anything started "
                    + "or paused at the station.")
    public StationDispatch dispatch(@PathParam("station") String station) {
        return dispatch.forStation(station, ExecutionResource.token(identity));
    }
}
