package org.pilotline.mes.equipment.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ServiceTaskRepository implements PanacheRepository<ServiceTaskEntity> {

    public List<ServiceTaskEntity> ofEquipment(String equipmentId) {
        return list("equipmentId = ?1 order by dueOn, task", equipmentId);
    }

    public Optional<ServiceTaskEntity> find(String equipmentId, String task) {
        return find("equipmentId = ?1 and task = ?2", equipmentId, task).firstResultOptional();
    }
}
