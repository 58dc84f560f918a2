package org.pilotline.mes.equipment.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Plain JDBC for the equipment's high-volume tables: a statement run on the transaction's connection with its
 * parameters bound and its rows read, and array parameters for the ingest's {@code unnest()} inserts (one
 * statement for a whole batch).
 */
final class Jdbc {

    private Jdbc() {
    }

    /** Sets a statement's parameters. */
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads the current row. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(DataSource db, String sql, Binder binder, Row<T> row) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(row.read(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql.split(" where ")[0], e);
        }
    }

    /** The first row's value; the query must return one (an aggregate, a returning clause). */
    static <T> T one(DataSource db, String sql, Binder binder, Row<T> row) {
        return query(db, sql, binder, row).get(0);
    }

    /** @return the number of rows changed */
    static int update(DataSource db, String sql, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql.split(" values | select ")[0], e);
        }
    }

    static <T> Array texts(PreparedStatement ps, List<T> rows, Function<T, String> column) throws SQLException {
        return ps.getConnection().createArrayOf("text", rows.stream().map(column).toArray());
    }

    static <T> Array times(PreparedStatement ps, List<T> rows, Function<T, Instant> column) throws SQLException {
        return ps.getConnection().createArrayOf("timestamptz",
                rows.stream().map(column).map(Timestamp::from).toArray());
    }

    static <T> Array doubles(PreparedStatement ps, List<T> rows, Function<T, Double> column) throws SQLException {
        return ps.getConnection().createArrayOf("float8", rows.stream().map(column).toArray());
    }

    static <T> Array ints(PreparedStatement ps, List<T> rows, Function<T, Integer> column) throws SQLException {
        return ps.getConnection().createArrayOf("int4", rows.stream().map(column).toArray());
    }

    static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }
}
