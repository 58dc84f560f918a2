package org.pilotline.mes.equipment.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/** PackML state history of every piece of equipment, and its current state and mode. */
@ApplicationScoped
public class StateStore {

    private final AgroalDataSource db;

    StateStore(AgroalDataSource db) {
        this.db = db;
    }

    public record StateRow(String equipmentId, String state, String mode, Instant ts, String eventId) {
    }

    /** A state with how long it lasted; {@code until} null while it is the current one. */
    public record StateSpan(String state, String mode, Instant from, Instant until) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<StateRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Jdbc.update(db, "insert into equipment_state (equipment_id, state, mode, ts, event_id) select * from "
                + "unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])", ps -> {
                    ps.setArray(1, Jdbc.texts(ps, rows, StateRow::equipmentId));
                    ps.setArray(2, Jdbc.texts(ps, rows, StateRow::state));
                    ps.setArray(3, Jdbc.texts(ps, rows, StateRow::mode));
                    ps.setArray(4, Jdbc.times(ps, rows, StateRow::ts));
                    ps.setArray(5, Jdbc.texts(ps, rows, StateRow::eventId));
                });
    }

    /**
     * Makes the state current unless a later one is already: a late message is history, not "now".
     *
     * @return the previous current state (empty string if there was none); empty if the state is not newer
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> advance(StateRow row) {
        List<String> previous = Jdbc.query(db, "with prev as (select id, current_state from equipment where id = ? "
                + "for update) update equipment e set current_state = ?, current_mode = ?, state_since = ?, "
                + "version = e.version + 1 from prev where e.id = prev.id "
                + "and (e.state_since is null or e.state_since <= ?) returning prev.current_state", ps -> {
                    ps.setString(1, row.equipmentId());
                    ps.setString(2, row.state());
                    ps.setString(3, row.mode());
                    ps.setTimestamp(4, Jdbc.time(row.ts()));
                    ps.setTimestamp(5, Jdbc.time(row.ts()));
                }, rs -> rs.getString(1) == null ? "" : rs.getString(1));
        return previous.stream().findFirst();
    }

    /**
     * The states in force during [from, to), clipped to it, oldest first: the one in force at {@code from} (if
     * any was reported before) and every change inside the range.
     */
    public List<StateSpan> spans(String equipmentId, Instant from, Instant to) {
        List<StateSpan> raw = Jdbc.query(db, "(select state, mode, ts, id from equipment_state "
                + "where equipment_id = ? and ts <= ? order by ts desc, id desc limit 1) union all "
                + "(select state, mode, ts, id from equipment_state where equipment_id = ? and ts > ? and ts < ?) "
                + "order by ts, id", ps -> {
                    ps.setString(1, equipmentId);
                    ps.setTimestamp(2, Jdbc.time(from));
                    ps.setString(3, equipmentId);
                    ps.setTimestamp(4, Jdbc.time(from));
                    ps.setTimestamp(5, Jdbc.time(to));
                }, rs -> new StateSpan(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), null));
        List<StateSpan> spans = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            StateSpan s = raw.get(i);
            Instant start = s.from().isBefore(from) ? from : s.from();
            Instant end = i + 1 < raw.size() ? raw.get(i + 1).from() : to;
            if (end.isAfter(start)) {
                spans.add(new StateSpan(s.state(), s.mode(), start, end));
            }
        }
        return spans;
    }

    /** State changes, newest first, each with when the next began ({@code until} null for the current one). */
    public List<StateSpan> history(String equipmentId, Instant from, Instant to, int offset, int limit) {
        return Jdbc.query(db, "select state, mode, ts, (select min(n.ts) from equipment_state n "
                + "where n.equipment_id = s.equipment_id and n.ts > s.ts) from equipment_state s "
                + "where equipment_id = ? and ts >= ? and ts < ? order by ts desc, id desc offset ? limit ?", ps -> {
                    ps.setString(1, equipmentId);
                    ps.setTimestamp(2, Jdbc.time(from));
                    ps.setTimestamp(3, Jdbc.time(to));
                    ps.setInt(4, offset);
                    ps.setInt(5, limit);
                }, rs -> new StateSpan(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Jdbc.instant(rs.getTimestamp(4))));
    }
}
