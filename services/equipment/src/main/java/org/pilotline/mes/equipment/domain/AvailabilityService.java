package org.pilotline.mes.equipment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.rest.EquipmentAvailability;
import org.pilotline.mes.contracts.rest.Reason;
import org.pilotline.mes.equipment.persistence.AlarmStore;
import org.pilotline.mes.equipment.persistence.EquipmentEntity;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.equipment.persistence.ServiceTaskEntity;
import org.pilotline.mes.equipment.persistence.ServiceTaskRepository;
import org.pilotline.mes.kit.problem.ProblemException;

/**
 * Whether work may start on a piece of equipment now, and every reason it may not: a state in which it cannot
 * take work, maintenance mode, an active critical alarm, an overdue calibration or maintenance task. Equipment that
 * never reported a state (a manual station) is judged by the rest.
 */
@ApplicationScoped
public class AvailabilityService {

    private final EquipmentRepository equipment;
    private final AlarmStore alarms;
    private final ServiceTaskRepository tasks;

    AvailabilityService(EquipmentRepository equipment, AlarmStore alarms, ServiceTaskRepository tasks) {
        this.equipment = equipment;
        this.alarms = alarms;
        this.tasks = tasks;
    }

    @Transactional
    public EquipmentAvailability of(String equipmentId, LocalDate today) {
        EquipmentEntity eq = equipment.findByIdOptional(equipmentId)
                .orElseThrow(() -> ProblemException.notFound("Equipment", equipmentId));
        List<Reason> reasons = new ArrayList<>();
        if (eq.currentState != null && PackMl.NOT_READY.contains(eq.currentState)) {
            reasons.add(new Reason("equipment-state", eq.id + " is " + eq.currentState + " since " + eq.stateSince));
        }
        if ("MAINTENANCE".equals(eq.currentMode)) {
            reasons.add(new Reason("maintenance-mode", eq.id + " is in maintenance mode since " + eq.stateSince));
        }
        alarms.active(eq.id).stream().filter(a -> "CRITICAL".equals(a.severity())).forEach(a -> reasons.add(
                new Reason("critical-alarm", "alarm " + a.code() + (a.text() == null ? "" : " (" + a.text() + ")")
                        + " active since " + a.raisedAt())));
        List<ServiceTaskEntity> due = tasks.ofEquipment(eq.id);
        for (ServiceTaskEntity t : due) {
            if (t.dueOn.isBefore(today)) {
                reasons.add(new Reason(t.kind.toLowerCase() + "-overdue", t.kind.toLowerCase() + " " + t.task
                        + " was due on " + t.dueOn));
            }
        }
        LocalDate nextDue = due.stream().map(t -> t.dueOn).min(LocalDate::compareTo).orElse(null);
        return new EquipmentAvailability(eq.id, eq.equipmentClass, reasons.isEmpty(), eq.currentState,
                eq.currentMode, eq.stateSince, nextDue, reasons);
    }
}
