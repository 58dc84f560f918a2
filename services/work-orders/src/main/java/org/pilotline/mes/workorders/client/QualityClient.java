package org.pilotline.mes.workorders.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.pilotline.mes.contracts.rest.LotDisposition;

/** The quality service's REST API, as far as work-orders uses it. */
@RegisterRestClient(configKey = "quality")
@Path("/api/quality")
public interface QualityClient {

    /** @param authorization the caller's bearer token: quality checks the caller's roles itself */
    @GET
    @Path("/lots/{lot}/disposition")
    LotDisposition disposition(@PathParam("lot") String lot, @HeaderParam("Authorization") String authorization);
}
