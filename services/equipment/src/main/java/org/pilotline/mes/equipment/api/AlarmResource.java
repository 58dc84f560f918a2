package org.pilotline.mes.equipment.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.equipment.persistence.AlarmStore;
import org.pilotline.mes.equipment.persistence.AlarmStore.Alarm;
import org.pilotline.mes.kit.security.Roles;

@Path("/alarms")
@Tag(name = "Alarms", description = "Alarms raised and cleared by equipment")
@RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
public class AlarmResource {

    private final AlarmStore alarms;

    AlarmResource(AlarmStore alarms) {
        this.alarms = alarms;
    }

    @GET
    @Operation(summary = "Active alarms of the whole plant, most severe first, then oldest first")
    public List<Alarm> active() {
        return alarms.active(null);
    }
}
