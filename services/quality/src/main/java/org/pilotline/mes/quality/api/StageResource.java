package org.pilotline.mes.quality.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.StageApi.StageComparison;
import org.pilotline.mes.quality.domain.StageComparisonService;

@Path("/stages/comparison")
@Tag(name = "Stages", description = "Yield and capability of each stage, side by side")
public class StageResource {

    private final StageComparisonService stages;

    StageResource(StageComparisonService stages) {
        this.stages = stages;
    }

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Yield and Cpk/Ppk of key characteristics per product and stage, sample to production",
            description = "characteristics: comma-separated codes (default OCV,ACIR,CAPACITY,K_VALUE); from/to: "
                    + "ISO instants (default the last 90 days).")
    public StageComparison compare(@QueryParam("characteristics") @DefaultValue("OCV,ACIR,CAPACITY,K_VALUE")
            String characteristics, @QueryParam("from") String from, @QueryParam("to") String to) {
        List<String> codes = Arrays.stream(characteristics.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .distinct().toList();
        if (codes.isEmpty() || codes.size() > 20 || codes.stream().anyMatch(c -> !c.matches("[A-Za-z0-9_-]{1,100}"))) {
            throw ProblemException.badRequest("bad-characteristics", "1 to 20 characteristic codes, comma-separated");
        }
        TimeWindow w = TimeWindow.of(from, to, Duration.ofDays(90));
        return stages.compare(codes, w.from(), w.to());
    }
}
