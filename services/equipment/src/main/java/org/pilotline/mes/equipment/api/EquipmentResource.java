package org.pilotline.mes.equipment.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.contracts.rest.EquipmentAvailability;
import org.pilotline.mes.equipment.api.EquipmentApi.EquipmentView;
import org.pilotline.mes.equipment.domain.AvailabilityService;
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
public class EquipmentResource {

    private final EquipmentRepository equipment;
    private final AvailabilityService availability;
    private final AlarmStore alarms;

    EquipmentResource(EquipmentRepository equipment, AvailabilityService availability, AlarmStore alarms) {
        this.equipment = equipment;
        this.availability = availability;
        this.alarms = alarms;
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

    static EquipmentView view(EquipmentEntity e) {
        return new EquipmentView(e.id, e.name, e.equipmentClass, e.site, e.area, e.line, e.currentState,
                e.currentMode, e.stateSince, String.join("/", "mes/v1", e.site, e.area, e.line, e.id));
    }
}
