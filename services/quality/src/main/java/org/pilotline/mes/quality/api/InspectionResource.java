package org.pilotline.mes.quality.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.QualityApi.CorrectMeasurement;
import org.pilotline.mes.quality.api.QualityApi.EnterMeasurement;
import org.pilotline.mes.quality.api.QualityApi.MeasurementView;
import org.pilotline.mes.quality.domain.InspectionService;
import org.pilotline.mes.quality.persistence.QualityStore;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/measurements")
@Tag(name = "Measurements", description = "Judged measurements: from equipment, entered by people, corrected")
@Idempotent
public class InspectionResource {

    private final InspectionService inspection;
    private final QualityStore store;
    private final SecurityIdentity identity;

    InspectionResource(InspectionService inspection, QualityStore store, SecurityIdentity identity) {
        this.inspection = inspection;
        this.store = store;
        this.identity = identity;
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Measurements with their verdicts, oldest first; filter by cell or lot")
    public Page<MeasurementView> measurements(@QueryParam("cell") String cell, @QueryParam("lot") String lot,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        return req.result(store.measurements(cell, lot, req.offset(), req.size()), store.measurementCount(cell, lot));
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public MeasurementView measurement(@PathParam("id") long id) {
        return store.measurement(id).orElseThrow(() -> org.pilotline.mes.kit.problem.ProblemException
                .notFound("Measurement", String.valueOf(id)));
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY })
    @Operation(summary = "Enter a measurement by hand, judged against the plan in force",
            description = "Quality always; operators and supervisors where the plan names their role for a MANUAL "
                    + "characteristic (403 not-an-entry-role otherwise).")
    public Response enter(@Valid @NotNull EnterMeasurement req) {
        MeasurementView m = inspection.enter(req, identity);
        return Response.created(URI.create("/api/quality/measurements/" + m.id())).entity(m).build();
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({ Roles.QUALITY })
    @Operation(summary = "Correct a measurement: a new one replaces it; the original stays on record")
    public Response correct(@PathParam("id") long id, @Valid @NotNull CorrectMeasurement req) {
        MeasurementView m = inspection.correct(id, req, Actor.of(identity));
        return Response.created(URI.create("/api/quality/measurements/" + m.id())).entity(m).build();
    }
}
