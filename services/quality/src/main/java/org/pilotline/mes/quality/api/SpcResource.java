package org.pilotline.mes.quality.api;

import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.SpcApi.SpcView;
import org.pilotline.mes.quality.domain.SpcService;

@Path("/spc/{product}/{characteristic}")
@Tag(name = "SPC", description = "Control charts, capability and Nelson rules")
public class SpcResource {

    private final SpcService spc;

    SpcResource(SpcService spc) {
        this.spc = spc;
    }

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "A characteristic's control chart with Cp, Cpk, Pp, Ppk and the Nelson rules it breaks",
            description = "chart IMR (default) or XBAR_R with subgroup 2..10; from/to ISO instants (default the last "
                    + "30 days); the newest 'limit' measurements in the window (default 500, at most 5000).")
    public SpcView chart(@PathParam("product") String product, @PathParam("characteristic") String characteristic,
            @QueryParam("chart") @DefaultValue("IMR") String chart, @QueryParam("subgroup") @DefaultValue("5")
            int subgroup, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        TimeWindow w = TimeWindow.of(from, to, Duration.ofDays(30));
        if (limit < 2) {
            throw ProblemException.badRequest("bad-limit", "limit is 2 to " + SpcService.MAX_POINTS);
        }
        return spc.chart(product, characteristic, chart, subgroup, w.from(), w.to(), limit);
    }
}
