package org.pilotline.mes.equipment.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * Every accepted equipment message, once: (equipment, eventId) is the idempotency key. Data messages keep only
 * their key (their values are in process_value); the others keep their payload as the record of what was said.
 */
@ApplicationScoped
public class MessageLog {

    private final AgroalDataSource db;

    MessageLog(AgroalDataSource db) {
        this.db = db;
    }

    public record Entry(String equipmentId, String eventId, String channel, Instant ts, String payload) {
        public String key() {
            return equipmentId + '\u0000' + eventId;
        }
    }

    /** Stores the entries not seen before, in one statement; returns their keys ({@link Entry#key()}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> storeNew(List<Entry> entries) {
        Set<String> fresh = new HashSet<>();
        if (entries.isEmpty()) {
            return fresh;
        }
        fresh.addAll(Jdbc.query(db, "insert into equipment_message (equipment_id, event_id, channel, ts, payload) "
                + "select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[]::jsonb[]) "
                + "on conflict (equipment_id, event_id) do nothing returning equipment_id, event_id", ps -> {
                    ps.setArray(1, Jdbc.texts(ps, entries, Entry::equipmentId));
                    ps.setArray(2, Jdbc.texts(ps, entries, Entry::eventId));
                    ps.setArray(3, Jdbc.texts(ps, entries, Entry::channel));
                    ps.setArray(4, Jdbc.times(ps, entries, Entry::ts));
                    ps.setArray(5, Jdbc.texts(ps, entries, Entry::payload));
                }, rs -> rs.getString(1) + '\u0000' + rs.getString(2)));
        return fresh;
    }
}
