package org.pilotline.mes.equipment.api;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.equipment.api.RegistryApi.LimitSpec;
import org.pilotline.mes.equipment.domain.EnvironmentConditions;
import org.pilotline.mes.equipment.domain.EnvironmentConditions.Conditions;
import org.pilotline.mes.equipment.domain.RegistryService;
import org.pilotline.mes.equipment.persistence.EnvironmentStore;
import org.pilotline.mes.equipment.persistence.EnvironmentStore.Excursion;
import org.pilotline.mes.equipment.persistence.EnvironmentStore.Limit;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/environment")
@Tag(name = "Environment", description = "Dry-room and glovebox limits and the excursions outside them")
@Idempotent
public class EnvironmentResource {

    private final RegistryService registry;
    private final EnvironmentStore store;
    private final EquipmentRepository equipment;
    private final SecurityIdentity identity;
    private final EnvironmentConditions conditions;

    EnvironmentResource(RegistryService registry, EnvironmentStore store,
            EquipmentRepository equipment, SecurityIdentity identity, EnvironmentConditions conditions) {
        this.conditions = conditions;
        this.registry = registry;
        this.store = store;
        this.equipment = equipment;
        this.identity = identity;
    }

    @GET
    @Path("limits/{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public List<Limit> limits(@PathParam("id") String id) {
        return registry.limits(id);
    }

    @PUT
    @Path("limits/{id}/{tag}")
    @RolesAllowed({ Roles.QUALITY, Roles.ADMIN })
    @Operation(summary = "Set the limits of one environment tag (e.g. dewPointC upper -40); audited")
    public Limit putLimit(@PathParam("id") @Pattern(regexp = RegistryApi.ID) String id,
            @PathParam("tag") @Pattern(regexp = RegistryApi.ID) String tag, @Valid @NotNull LimitSpec spec) {
        return registry.putLimit(id, tag, spec, Actor.of(identity));
    }

    @GET
    @Path("conditions")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The atmosphere a machine worked in at a time: its area's dry rooms and gloveboxes",
            description = "Each with its last reading of every tag at or before 'at' (at most an hour old), judged "
                    + "against the limits, and the excursions under way at that time. For a cell's as-built record.")
    public Conditions conditions(@QueryParam("equipment") String equipmentId, @QueryParam("at") String at) {
        if (equipmentId == null || at == null) {
            throw ProblemException.badRequest("equipment-and-at", "name the equipment and the time: ?equipment=STACK-01"
                    + "&at=2026-11-24T08:00:00Z");
        }
        return conditions.at(equipmentId, TimeRange.instant("at", at));
    }

    @GET
    @Path("excursions")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Excursions that overlap from..to (default the last 7 days), newest first",
            description = "equipment: only that dry room or glovebox. An open excursion has no endedAt.")
    public List<Excursion> excursions(@QueryParam("equipment") String equipmentId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (equipmentId != null && equipment.findByIdOptional(equipmentId).isEmpty()) {
            throw ProblemException.notFound("Equipment", equipmentId);
        }
        TimeRange range = TimeRange.parse(from, to, Duration.ofDays(7));
        PageRequest req = PageRequest.of(page, size);
        return store.history(equipmentId, range.from(), range.to(), req.offset(), req.size());
    }
}
