package org.pilotline.mes.equipment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/** Environment limits of dry rooms and gloveboxes, and the excursions outside them. */
@ApplicationScoped
public class EnvironmentStore {

    private static final String EXCURSION_COLUMNS = "id, equipment_id, tag, lower_limit, upper_limit, unit, "
            + "started_at, ended_at, worst_value, worst_at";

    private final AgroalDataSource db;

    EnvironmentStore(AgroalDataSource db) {
        this.db = db;
    }

    public record Limit(String equipmentId, String tag, Double lower, Double upper, String unit) {
        public boolean violatedBy(double value) {
            return (lower != null && value < lower) || (upper != null && value > upper);
        }

        /** How far outside: the larger, the worse. */
        public double severity(double value) {
            return Math.max(lower == null ? 0 : lower - value, upper == null ? 0 : value - upper);
        }
    }

    public record Excursion(long id, String equipmentId, String tag, Double lower, Double upper, String unit,
            Instant startedAt, Instant endedAt, double worstValue, Instant worstAt) {
    }

    public List<Limit> limits() {
        return Jdbc.query(db, "select equipment_id, tag, lower_limit, upper_limit, unit from environment_limit "
                + "order by equipment_id, tag", ps -> {
                }, rs -> new Limit(rs.getString(1), rs.getString(2), Jdbc.nullableDouble(rs, "lower_limit"),
                        Jdbc.nullableDouble(rs, "upper_limit"), rs.getString(5)));
    }

    /** @return the limit it replaced, if any */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Limit> put(Limit limit) {
        Optional<Limit> old = limits().stream()
                .filter(l -> l.equipmentId().equals(limit.equipmentId()) && l.tag().equals(limit.tag())).findFirst();
        Jdbc.update(db, "insert into environment_limit (equipment_id, tag, lower_limit, upper_limit, unit) "
                + "values (?, ?, ?, ?, ?) on conflict (equipment_id, tag) do update set lower_limit = "
                + "excluded.lower_limit, upper_limit = excluded.upper_limit, unit = excluded.unit, "
                + "version = environment_limit.version + 1", ps -> {
                    ps.setString(1, limit.equipmentId());
                    ps.setString(2, limit.tag());
                    Jdbc.setDouble(ps, 3, limit.lower());
                    Jdbc.setDouble(ps, 4, limit.upper());
                    ps.setString(5, limit.unit());
                });
        return old;
    }

    /** The excursions still open on the given equipment, locked for this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Excursion> open(Collection<String> equipmentIds) {
        return Jdbc.query(db, "select " + EXCURSION_COLUMNS + " from environment_excursion where ended_at is null "
                + "and equipment_id = any (?) for update",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", equipmentIds.toArray())),
                EnvironmentStore::excursion);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long start(Limit limit, Instant at, double value) {
        return Jdbc.one(db, "insert into environment_excursion (equipment_id, tag, lower_limit, upper_limit, unit, "
                + "started_at, worst_value, worst_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id", ps -> {
                    ps.setString(1, limit.equipmentId());
                    ps.setString(2, limit.tag());
                    Jdbc.setDouble(ps, 3, limit.lower());
                    Jdbc.setDouble(ps, 4, limit.upper());
                    ps.setString(5, limit.unit());
                    ps.setTimestamp(6, Jdbc.time(at));
                    ps.setDouble(7, value);
                    ps.setTimestamp(8, Jdbc.time(at));
                }, rs -> rs.getLong(1));
    }

    /** Writes the worst value so far and, when {@code endedAt} is set, closes the excursion. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(long id, double worstValue, Instant worstAt, Instant endedAt) {
        Jdbc.update(db, "update environment_excursion set worst_value = ?, worst_at = ?, ended_at = ? where id = ?",
                ps -> {
                    ps.setDouble(1, worstValue);
                    ps.setTimestamp(2, Jdbc.time(worstAt));
                    ps.setTimestamp(3, Jdbc.time(endedAt));
                    ps.setLong(4, id);
                });
    }

    /** Excursions that overlap [from, to), newest first; equipmentId null: of every equipment. */
    public List<Excursion> history(String equipmentId, Instant from, Instant to, int offset, int limit) {
        return Jdbc.query(db, "select " + EXCURSION_COLUMNS + " from environment_excursion "
                + "where (?::text is null or equipment_id = ?) and started_at < ? and (ended_at is null or "
                + "ended_at >= ?) order by started_at desc, id desc offset ? limit ?", ps -> {
                    ps.setString(1, equipmentId);
                    ps.setString(2, equipmentId);
                    ps.setTimestamp(3, Jdbc.time(to));
                    ps.setTimestamp(4, Jdbc.time(from));
                    ps.setInt(5, offset);
                    ps.setInt(6, limit);
                }, EnvironmentStore::excursion);
    }

    /** A reading of one tag: its value and when it was taken. */
    public record Reading(String tag, double value, Instant at) {
    }

    /**
     * The last reading of each tag an enclosure published at or before {@code at}, no older than {@code maxAge}
     * (one index range per tag and day partition).
     */
    public List<Reading> readingsAt(String equipmentId, Instant at, java.time.Duration maxAge) {
        return Jdbc.query(db, "select distinct on (tag) tag, value, ts from process_value where equipment_id = ? "
                + "and ts <= ? and ts > ? order by tag, ts desc", ps -> {
                    ps.setString(1, equipmentId);
                    ps.setTimestamp(2, Jdbc.time(at));
                    ps.setTimestamp(3, Jdbc.time(at.minus(maxAge)));
                }, rs -> new Reading(rs.getString(1), rs.getDouble(2), rs.getTimestamp(3).toInstant()));
    }

    private static Excursion excursion(ResultSet rs) throws SQLException {
        return new Excursion(rs.getLong(1), rs.getString(2), rs.getString(3), Jdbc.nullableDouble(rs, "lower_limit"),
                Jdbc.nullableDouble(rs, "upper_limit"), rs.getString(6), rs.getTimestamp(7).toInstant(),
                Jdbc.instant(rs.getTimestamp(8)), rs.getDouble(9), rs.getTimestamp(10).toInstant());
    }
}
