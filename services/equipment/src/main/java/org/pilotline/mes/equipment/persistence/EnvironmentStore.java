package org.pilotline.mes.equipment.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select equipment_id, tag, lower_limit, upper_limit, unit "
                        + "from environment_limit order by equipment_id, tag");
                ResultSet rs = ps.executeQuery()) {
            List<Limit> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new Limit(rs.getString(1), rs.getString(2), Jdbc.nullableDouble(rs, "lower_limit"),
                        Jdbc.nullableDouble(rs, "upper_limit"), rs.getString(5)));
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the limit it replaced, if any */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Limit> put(Limit limit) {
        Optional<Limit> old = limits().stream()
                .filter(l -> l.equipmentId().equals(limit.equipmentId()) && l.tag().equals(limit.tag())).findFirst();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into environment_limit "
                        + "(equipment_id, tag, lower_limit, upper_limit, unit) values (?, ?, ?, ?, ?) "
                        + "on conflict (equipment_id, tag) do update set lower_limit = excluded.lower_limit, "
                        + "upper_limit = excluded.upper_limit, unit = excluded.unit, "
                        + "version = environment_limit.version + 1")) {
            ps.setString(1, limit.equipmentId());
            ps.setString(2, limit.tag());
            setDouble(ps, 3, limit.lower());
            setDouble(ps, 4, limit.upper());
            ps.setString(5, limit.unit());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return old;
    }

    /** The excursions still open on the given equipment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Excursion> open(Collection<String> equipmentIds) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + EXCURSION_COLUMNS
                        + " from environment_excursion where ended_at is null and equipment_id = any (?) for update")) {
            ps.setArray(1, c.createArrayOf("text", equipmentIds.toArray()));
            return excursions(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long start(Limit limit, Instant at, double value) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into environment_excursion (equipment_id, tag, "
                        + "lower_limit, upper_limit, unit, started_at, worst_value, worst_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            ps.setString(1, limit.equipmentId());
            ps.setString(2, limit.tag());
            setDouble(ps, 3, limit.lower());
            setDouble(ps, 4, limit.upper());
            ps.setString(5, limit.unit());
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setDouble(7, value);
            ps.setTimestamp(8, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the worst value so far and, when {@code endedAt} is set, closes the excursion. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(long id, double worstValue, Instant worstAt, Instant endedAt) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("update environment_excursion set worst_value = ?, "
                        + "worst_at = ?, ended_at = ? where id = ?")) {
            ps.setDouble(1, worstValue);
            ps.setTimestamp(2, Timestamp.from(worstAt));
            ps.setTimestamp(3, endedAt == null ? null : Timestamp.from(endedAt));
            ps.setLong(4, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Excursions that overlap [from, to), newest first; equipmentId null: of every equipment. */
    public List<Excursion> history(String equipmentId, Instant from, Instant to, int offset, int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + EXCURSION_COLUMNS
                        + " from environment_excursion where (?::text is null or equipment_id = ?) "
                        + "and started_at < ? and (ended_at is null or ended_at >= ?) "
                        + "order by started_at desc, id desc offset ? limit ?")) {
            ps.setString(1, equipmentId);
            ps.setString(2, equipmentId);
            ps.setTimestamp(3, Timestamp.from(to));
            ps.setTimestamp(4, Timestamp.from(from));
            ps.setInt(5, offset);
            ps.setInt(6, limit);
            return excursions(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Excursion> excursions(PreparedStatement ps) throws SQLException {
        List<Excursion> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new Excursion(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Jdbc.nullableDouble(rs, "lower_limit"), Jdbc.nullableDouble(rs, "upper_limit"),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), Jdbc.instant(rs.getTimestamp(8)),
                        rs.getDouble(9), rs.getTimestamp(10).toInstant()));
            }
        }
        return list;
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }
}
