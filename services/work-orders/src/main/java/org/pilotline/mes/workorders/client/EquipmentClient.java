package org.pilotline.mes.workorders.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import org.pilotline.mes.contracts.rest.EquipmentAvailability;

/** The equipment service's REST API, as far as work-orders uses it. */
@RegisterRestClient(configKey = "equipment")
@Path("/api/equipment")
public interface EquipmentClient {

    /** @param authorization the caller's bearer token: equipment checks the caller's roles itself */
    @GET
    @Path("/equipment/{id}/availability")
    EquipmentAvailability availability(@PathParam("id") String equipment,
            @HeaderParam("Authorization") String authorization);

    /** 404 is an answer (no such equipment), not a failure of the equipment service. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return response.getStatus() == 404 ? new UnknownEquipment() : null;
    }

    /** The equipment service does not know the station. */
    class UnknownEquipment extends RuntimeException {
        UnknownEquipment() {
            super("unknown equipment", null, false, false);
        }
    }
}
