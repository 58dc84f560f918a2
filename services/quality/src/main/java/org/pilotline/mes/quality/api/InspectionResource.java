package org.pilotline.mes.quality.api;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.QualityApi.MeasurementView;
import org.pilotline.mes.quality.api.QualityApi.PlanCharacteristicView;
import org.pilotline.mes.quality.domain.InspectionService;
import org.pilotline.mes.quality.persistence.QualityStore;

@Path("/")
@Tag(name = "Inspection", description = "Plans in force and judged measurements")
@RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
public class InspectionResource {

    private final InspectionService inspection;
    private final QualityStore store;

    InspectionResource(InspectionService inspection, QualityStore store) {
        this.inspection = inspection;
        this.store = store;
    }

    @GET
    @Path("/plans/{product}")
    @Operation(summary = "Characteristics and limits in force for a product")
    public List<PlanCharacteristicView> plan(@PathParam("product") String product) {
        return inspection.plan(product);
    }

    @GET
    @Path("/measurements")
    @Transactional
    @Operation(summary = "Measurements with their verdicts, oldest first; filter by cell or lot")
    public Page<MeasurementView> measurements(@QueryParam("cell") String cell, @QueryParam("lot") String lot,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        List<MeasurementView> items = store.measurements(cell, lot, req.offset(), req.size()).stream()
                .map(r -> new MeasurementView(((Number) r[0]).longValue(), (String) r[1], (BigDecimal) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                        (String) r[9], (BigDecimal) r[10], (BigDecimal) r[11], SqlValues.instant(r[12]),
                        (String) r[13]))
                .toList();
        return req.result(items, store.measurementCount(cell, lot));
    }
}
