package org.pilotline.mes.equipment.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.pilotline.mes.kit.persistence.SqlValues;

/** Alarm occurrences: one row from raise to clear; at most one active row per equipment and alarm code. */
@ApplicationScoped
public class AlarmStore {

    private final EntityManager em;

    AlarmStore(EntityManager em) {
        this.em = em;
    }

    public record Alarm(long id, String equipment, String code, String severity, String text, Instant raisedAt,
            Instant clearedAt) {
        /** How long it was (or has been, so far) active; in the JSON too, as docs/equipment.md promises. */
        @com.fasterxml.jackson.annotation.JsonProperty("durationSeconds")
        public long durationSeconds() {
            return java.time.Duration.between(raisedAt, clearedAt == null ? Instant.now() : clearedAt).toSeconds();
        }
    }

    /**
     * A raise of an alarm that is already active changes nothing (the machine repeats itself).
     *
     * @return whether a new occurrence began
     */
    public boolean raise(String equipmentId, String code, String severity, String text, Instant ts, String eventId) {
        return em.createNativeQuery("insert into equipment_alarm (equipment_id, code, severity, text, raised_at, "
                + "raise_event_id) values (?1, ?2, ?3, ?4, ?5, ?6) "
                + "on conflict (equipment_id, code) where cleared_at is null do nothing")
                .setParameter(1, equipmentId).setParameter(2, code).setParameter(3, severity).setParameter(4, text)
                .setParameter(5, Timestamp.from(ts)).setParameter(6, eventId).executeUpdate() > 0;
    }

    /**
     * Clears the active occurrence of the code; a clear without an active raise is only kept as a message.
     *
     * @return whether an active occurrence ended
     */
    public boolean clear(String equipmentId, String code, Instant ts, String eventId) {
        return em.createNativeQuery("update equipment_alarm set cleared_at = greatest(?3, raised_at), clear_event_id = ?4 "
                + "where equipment_id = ?1 and code = ?2 and cleared_at is null")
                .setParameter(1, equipmentId).setParameter(2, code).setParameter(3, Timestamp.from(ts))
                .setParameter(4, eventId).executeUpdate() > 0;
    }

    /** Occurrences raised before {@code to} and not cleared before {@code from}, newest first. */
    public List<Alarm> history(String equipmentId, Instant from, Instant to, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, equipment_id, code, severity, text, raised_at, "
                + "cleared_at from equipment_alarm where equipment_id = ?1 and raised_at < ?2 "
                + "and (cleared_at is null or cleared_at >= ?3) order by raised_at desc, id desc")
                .setParameter(1, equipmentId).setParameter(2, Timestamp.from(to)).setParameter(3, Timestamp.from(from))
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(AlarmStore::alarm).toList();
    }

    /** Active alarms, most severe first; equipmentId null: of every equipment. */
    public List<Alarm> active(String equipmentId) {
        var query = em.createNativeQuery("select id, equipment_id, code, severity, text, raised_at, cleared_at "
                + "from equipment_alarm where cleared_at is null" + (equipmentId == null ? "" : " and equipment_id = ?1")
                + " order by case severity when 'CRITICAL' then 0 when 'WARNING' then 1 else 2 end, raised_at");
        if (equipmentId != null) {
            query.setParameter(1, equipmentId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(AlarmStore::alarm).toList();
    }

    private static Alarm alarm(Object[] r) {
        return new Alarm(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                SqlValues.instant(r[5]), SqlValues.instant(r[6]));
    }
}
