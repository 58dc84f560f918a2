package org.pilotline.mes.equipment.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EquipmentRepository implements PanacheRepositoryBase<EquipmentEntity, String> {

    /** Stores a message once; false when (equipment, eventId) was stored before: a redelivery. */
    public boolean storeMessageOnce(String equipmentId, String eventId, String channel, Instant ts, String json) {
        int rows = getEntityManager().createNativeQuery("insert into equipment_message "
                + "(equipment_id, event_id, channel, ts, payload) values (?1, ?2, ?3, ?4, cast(?5 as jsonb)) "
                + "on conflict (equipment_id, event_id) do nothing")
                .setParameter(1, equipmentId).setParameter(2, eventId).setParameter(3, channel)
                .setParameter(4, Timestamp.from(ts)).setParameter(5, json).executeUpdate();
        return rows == 1;
    }

    public void appendState(String equipmentId, String state, String mode, Instant ts, String eventId) {
        getEntityManager().createNativeQuery("insert into equipment_state (equipment_id, state, mode, ts, event_id) "
                + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, equipmentId).setParameter(2, state).setParameter(3, mode)
                .setParameter(4, Timestamp.from(ts)).setParameter(5, eventId).executeUpdate();
    }

    public long messageCount(String equipmentId) {
        return ((Number) getEntityManager().createNativeQuery(
                "select count(*) from equipment_message where equipment_id = ?1").setParameter(1, equipmentId)
                .getSingleResult()).longValue();
    }
}
