package org.pilotline.mes.equipment.api;

import java.time.Duration;
import java.time.LocalDate;
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
import org.pilotline.mes.contracts.rest.EquipmentAvailability;
import org.pilotline.mes.equipment.api.EquipmentApi.EquipmentView;
import org.pilotline.mes.equipment.api.RegistryApi.EquipmentSpec;
import org.pilotline.mes.equipment.domain.AvailabilityService;
import org.pilotline.mes.equipment.domain.RegistryService;
import org.pilotline.mes.equipment.persistence.StateStore;
import org.pilotline.mes.equipment.persistence.StateStore.StateSpan;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import org.pilotline.mes.equipment.persistence.AlarmStore;
import org.pilotline.mes.equipment.persistence.AlarmStore.Alarm;
import org.pilotline.mes.equipment.persistence.EquipmentEntity;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.panache.common.Sort;

@Path("/equipment")
@Tag(name = "Equipment", description = "Registry and current state of the plant's equipment")
@RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
@Idempotent
public class EquipmentResource {

    private final EquipmentRepository equipment;
    private final AvailabilityService availability;
    private final AlarmStore alarms;

    private final StateStore states;
    private final RegistryService registry;
    private final SecurityIdentity identity;

    EquipmentResource(EquipmentRepository equipment, AvailabilityService availability, AlarmStore alarms,
            StateStore states, RegistryService registry, SecurityIdentity identity) {
        this.equipment = equipment;
        this.availability = availability;
        this.alarms = alarms;
        this.states = states;
        this.registry = registry;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Registered equipment with current PackML state and its MQTT topic prefix")
    public Page<EquipmentView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        List<EquipmentView> items = equipment.findAll(Sort.by("area").and("id")).page(req.page(), req.size())
                .list().stream().map(EquipmentResource::view).toList();
        return req.result(items, equipment.count());
    }

    @GET
    @Path("/{id}")
    public EquipmentView get(@PathParam("id") String id) {
        return equipment.findByIdOptional(id).map(EquipmentResource::view)
                .orElseThrow(() -> ProblemException.notFound("Equipment", id));
    }

    @GET
    @Path("/{id}/availability")
    @Operation(summary = "Whether work may start on the equipment now, with every reason it may not",
            description = "Not available in a stopped, aborted, held or clearing state, in maintenance mode, with an "
                    + "active critical alarm, or with a calibration or maintenance task past its due date.")
    public EquipmentAvailability availability(@PathParam("id") String id) {
        return availability.of(id, LocalDate.now());
    }

    @GET
    @Path("/{id}/alarms")
    @Operation(summary = "The equipment's active alarms, most severe first")
    public List<Alarm> alarms(@PathParam("id") String id) {
        get(id);
        return alarms.active(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register equipment, or change its name, class, place in the hierarchy or ideal cycle time",
            description = "Its MQTT topic follows its place: mes/v1/{site}/{area}/{line}/{id}/{channel}. Audited.")
    public EquipmentView register(@PathParam("id") @Pattern(regexp = RegistryApi.ID) String id,
            @Valid @NotNull EquipmentSpec spec) {
        return view(registry.putEquipment(id, spec, Actor.of(identity)));
    }

    @GET
    @Path("/{id}/states")
    @Operation(summary = "PackML state history, newest first, with how long each state lasted",
            description = "from/to: ISO-8601 (default the last 24 hours). until is null for the current state.")
    public List<StateSpan> states(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        get(id);
        TimeRange range = TimeRange.parse(from, to, Duration.ofHours(24));
        PageRequest req = PageRequest.of(page, size);
        return states.history(id, range.from(), range.to(), req.offset(), req.size());
    }

    @GET
    @Path("/{id}/alarms/history")
    @Operation(summary = "Alarm occurrences active at any time in from..to (default 24 hours), newest first")
    public List<Alarm> alarmHistory(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        get(id);
        TimeRange range = TimeRange.parse(from, to, Duration.ofHours(24));
        PageRequest req = PageRequest.of(page, size);
        return alarms.history(id, range.from(), range.to(), req.offset(), req.size());
    }

    static EquipmentView view(EquipmentEntity e) {
        return new EquipmentView(e.id, e.name, e.equipmentClass, e.site, e.area, e.line, e.workCell,
                e.idealCycleSeconds, e.currentState, e.currentMode, e.stateSince,
                String.join("/", "mes/v1", e.site, e.area, e.line, e.id));
    }
}
