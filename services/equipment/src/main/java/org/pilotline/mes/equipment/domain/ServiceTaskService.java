package org.pilotline.mes.equipment.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.equipment.api.ServiceTaskApi.DefineTask;
import org.pilotline.mes.equipment.api.ServiceTaskApi.TaskDone;
import org.pilotline.mes.equipment.api.ServiceTaskApi.TaskView;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.equipment.persistence.ServiceTaskEntity;
import org.pilotline.mes.equipment.persistence.ServiceTaskRepository;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;

/**
 * Calibration and maintenance tasks per equipment: each has an interval and a due date; recording it done moves
 * the due date to the day it was done plus the interval. Past its due date the equipment is not available.
 */
@ApplicationScoped
public class ServiceTaskService {

    private final ServiceTaskRepository tasks;
    private final EquipmentRepository equipment;
    private final AuditTrail audit;

    ServiceTaskService(ServiceTaskRepository tasks, EquipmentRepository equipment, AuditTrail audit) {
        this.tasks = tasks;
        this.equipment = equipment;
        this.audit = audit;
    }

    @Transactional
    public List<TaskView> of(String equipmentId) {
        requireEquipment(equipmentId);
        return tasks.ofEquipment(equipmentId).stream().map(ServiceTaskService::view).toList();
    }

    /** Creates the task or changes its kind, interval or due date. */
    @Transactional
    public TaskView define(String equipmentId, String task, DefineTask req, Actor actor) {
        requireEquipment(equipmentId);
        ServiceTaskEntity t = tasks.find(equipmentId, task).orElse(null);
        Map<String, Object> old = t == null ? null : snapshot(t);
        if (t == null) {
            t = new ServiceTaskEntity();
            t.equipmentId = equipmentId;
            t.task = task;
        }
        t.kind = req.kind();
        t.intervalDays = req.intervalDays();
        t.dueOn = req.dueOn();
        tasks.persist(t);
        audit.record(actor, old == null ? "service-task.defined" : "service-task.changed", "equipment",
                equipmentId, old, snapshot(t), req.reason());
        return view(t);
    }

    @Transactional
    public TaskView done(String equipmentId, String task, TaskDone req, LocalDate today, Actor actor) {
        ServiceTaskEntity t = tasks.find(equipmentId, task)
                .orElseThrow(() -> ProblemException.notFound("Service task", equipmentId + "/" + task));
        LocalDate doneOn = req.doneOn() == null ? today : req.doneOn();
        if (doneOn.isAfter(today)) {
            throw ProblemException.badRequest("done-in-the-future", task + " cannot be done on " + doneOn
                    + ", after today (" + today + ")");
        }
        Map<String, Object> old = snapshot(t);
        t.lastDoneOn = doneOn;
        t.lastDoneBy = actor.name();
        t.reference = req.reference();
        t.dueOn = doneOn.plusDays(t.intervalDays);
        audit.record(actor, "service-task.done", "equipment", equipmentId, old, snapshot(t), req.reference());
        return view(t);
    }

    private void requireEquipment(String equipmentId) {
        if (equipment.findByIdOptional(equipmentId).isEmpty()) {
            throw ProblemException.notFound("Equipment", equipmentId);
        }
    }

    private static Map<String, Object> snapshot(ServiceTaskEntity t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", t.task);
        m.put("kind", t.kind);
        m.put("intervalDays", t.intervalDays);
        m.put("dueOn", String.valueOf(t.dueOn));
        m.put("lastDoneOn", String.valueOf(t.lastDoneOn));
        m.put("reference", t.reference);
        return m;
    }

    private static TaskView view(ServiceTaskEntity t) {
        return new TaskView(t.equipmentId, t.task, t.kind, t.intervalDays, t.dueOn, t.lastDoneOn, t.lastDoneBy,
                t.reference);
    }
}
