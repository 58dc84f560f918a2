package org.pilotline.mes.workorders.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.pilotline.mes.contracts.rest.LotDisposition;
import org.pilotline.mes.contracts.rest.StartClearance;

/** The quality service's REST API, as far as work-orders uses it. */
@RegisterRestClient(configKey = "quality")
@Path("/api/quality")
public interface QualityClient {

    /** @param authorization the caller's bearer token: quality checks the caller's roles itself */
    @GET
    @Path("/lots/{lot}/disposition")
    LotDisposition disposition(@PathParam("lot") String lot, @HeaderParam("Authorization") String authorization);

    /** after: the operation before the one to start; cell and equipment may be null. */
    @GET
    @Path("/lots/{lot}/clearance")
    StartClearance clearance(@PathParam("lot") String lot, @QueryParam("after") String after,
            @QueryParam("cell") String cell, @QueryParam("equipment") String equipment,
            @HeaderParam("Authorization") String authorization);
}
