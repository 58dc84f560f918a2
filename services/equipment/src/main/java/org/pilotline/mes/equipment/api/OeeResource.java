package org.pilotline.mes.equipment.api;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.equipment.domain.Oee;
import org.pilotline.mes.equipment.domain.OeeService;
import org.pilotline.mes.kit.security.Roles;

@Path("/oee")
@Tag(name = "OEE", description = "Availability, performance and quality with the losses that explain them")
@RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
public class OeeResource {

    private final OeeService oee;

    OeeResource(OeeService oee) {
        this.oee = oee;
    }

    /** The line's figures, then each piece of equipment's. */
    public record LineOee(Oee line, List<Oee> equipment) {
    }

    @GET
    @Path("equipment/{id}")
    @Operation(summary = "OEE of one piece of equipment over from..to (ISO-8601; default the last 24 hours)")
    public Oee equipment(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.parse(from, to, Duration.ofHours(24));
        return oee.ofEquipment(id, range.from(), range.to());
    }

    @GET
    @Path("lines/{site}/{area}/{line}")
    @Operation(summary = "OEE of a line and of each of its machines over from..to",
            description = "The line's factors are sums over its equipment: run time over planned time, ideal time "
                    + "over run time (machines with an ideal cycle time), good units over units.")
    public LineOee line(@PathParam("site") String site, @PathParam("area") String area,
            @PathParam("line") String line, @QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.parse(from, to, Duration.ofHours(24));
        List<Oee> all = oee.ofLine(site, area, line, range.from(), range.to());
        return new LineOee(all.get(0), all.subList(1, all.size()));
    }
}
