package org.pilotline.mes.quality.api;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.GradingApi.Bin;
import org.pilotline.mes.quality.api.GradingApi.Bins;
import org.pilotline.mes.quality.api.GradingApi.Distribution;
import org.pilotline.mes.quality.api.GradingApi.Import;
import org.pilotline.mes.quality.api.GradingApi.ImportResult;
import org.pilotline.mes.quality.domain.GradingService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/grading")
@Tag(name = "Formation and grading", description = "Cycler results per cell, K-value, grade bins per format")
@Idempotent
public class GradingResource {

    private final GradingService grading;
    private final SecurityIdentity identity;

    GradingResource(GradingService grading, SecurityIdentity identity) {
        this.grading = grading;
        this.identity = identity;
    }

    @GET
    @Path("/{product}/bins")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The grade bins of a format, best first")
    public List<Bin> bins(@PathParam("product") String product) {
        return grading.bins(product);
    }

    @GET
    @Path("/{product}/distribution")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "How the format's cells graded in a period fell into its bins",
            description = "Each cell once, by its latest grading; bins best first, then the cells outside every bin. "
                    + "from/to: ISO instants (default the last 90 days).")
    public Distribution distribution(@PathParam("product") String product, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        TimeWindow w = TimeWindow.of(from, to, Duration.ofDays(90));
        return grading.distribution(product, w.from(), w.to());
    }

    @PUT
    @Path("/{product}/bins")
    @RolesAllowed({ Roles.QUALITY })
    @Operation(summary = "Set the grade bins of a format (replaces them; audited)")
    public List<Bin> setBins(@PathParam("product") @Pattern(regexp = QualityApi.CODE) String product, @Valid @NotNull Bins req) {
        return grading.setBins(product, req, Actor.of(identity));
    }

    @POST
    @Path("/results")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY })
    @Operation(summary = "Import a cycler's formation, aging and grading results",
            description = "Per cell: OCV1 and OCV2 with times, ACIR, capacity, the stack-pressure log. Each value is "
                    + "judged against the plan; the cell takes the first bin it fits, or gets an NCR (OUT-OF-BIN). "
                    + "Checked as a whole: 400 invalid-import lists every problem and nothing is recorded.")
    @Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    public ImportResult importResults(@Valid @NotNull Import req) {
        return grading.importResults(req, Actor.of(identity));
    }

    @POST
    @Path("/results")
    @Consumes("text/csv")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY })
    @Operation(summary = "Import a cycler's export as CSV",
            description = "Header: " + CyclerCsv.HEADER + " (the pressure range stands in for the log); "
                    + "400 invalid-csv names every bad line, and nothing is recorded.")
    public ImportResult importCsv(@QueryParam("cycler") String cycler, String csv) {
        if (cycler == null || !cycler.matches("[A-Za-z0-9_-]{1,100}")) {
            throw ProblemException.badRequest("cycler-missing", "name the cycler: ?cycler=CYC-01");
        }
        return grading.importResults(new Import(cycler, CyclerCsv.parse(csv)), Actor.of(identity));
    }
}
