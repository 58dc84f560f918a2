package org.pilotline.mes.equipment.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/** Good and scrap units each machine reported done: OEE's performance and quality. */
@ApplicationScoped
public class UnitCountStore {

    private final AgroalDataSource db;

    UnitCountStore(AgroalDataSource db) {
        this.db = db;
    }

    public record UnitCount(String equipmentId, Instant ts, String operation, int good, int scrap, String lot,
            String cell) {
    }

    public record Totals(long good, long scrap) {
        public long total() {
            return good + scrap;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<UnitCount> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into unit_count "
                        + "(equipment_id, ts, operation, good, scrap, lot, cell) select * from unnest(?::text[], "
                        + "?::timestamptz[], ?::text[], ?::int4[], ?::int4[], ?::text[], ?::text[])")) {
            ps.setArray(1, Jdbc.texts(c, rows, UnitCount::equipmentId));
            ps.setArray(2, Jdbc.times(c, rows, UnitCount::ts));
            ps.setArray(3, Jdbc.texts(c, rows, UnitCount::operation));
            ps.setArray(4, Jdbc.ints(c, rows, UnitCount::good));
            ps.setArray(5, Jdbc.ints(c, rows, UnitCount::scrap));
            ps.setArray(6, Jdbc.texts(c, rows, UnitCount::lot));
            ps.setArray(7, Jdbc.texts(c, rows, UnitCount::cell));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store unit counts", e);
        }
    }

    public Totals totals(String equipmentId, Instant from, Instant to) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select coalesce(sum(good), 0), coalesce(sum(scrap), 0) "
                        + "from unit_count where equipment_id = ? and ts >= ? and ts < ?")) {
            ps.setString(1, equipmentId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Totals(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
