package org.pilotline.mes.equipment.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EquipmentRepository implements PanacheRepositoryBase<EquipmentEntity, String> {
}
