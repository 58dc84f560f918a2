package org.pilotline.mes.genealogy.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The equipment service's REST API, as far as genealogy uses it: where a machine stands, and its atmosphere. */
@RegisterRestClient(configKey = "equipment")
@Path("/api/equipment")
public interface EquipmentClient {

    /** @param authorization the caller's bearer token: equipment checks the caller's roles itself */
    @GET
    @Path("/environment/conditions")
    Conditions conditions(@QueryParam("equipment") String equipment, @QueryParam("at") String at,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/equipment/{id}")
    Machine machine(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    record Machine(String id, String name, String equipmentClass, String site, String area, String line) {
    }

    record Reading(String tag, double value, String unit, Instant at, Double lower, Double upper,
            Boolean withinLimits) {
    }

    record Excursion(String equipmentId, String tag, Double lower, Double upper, String unit, Instant startedAt,
            Instant endedAt, double worstValue, Instant worstAt) {
    }

    record Enclosure(String equipment, String equipmentClass, List<Reading> readings, List<Excursion> excursions) {
    }

    /** The dry rooms and gloveboxes around a machine at a time; none where it stands in no monitored room. */
    record Conditions(String equipment, Instant at, List<Enclosure> enclosures) {
    }
}
