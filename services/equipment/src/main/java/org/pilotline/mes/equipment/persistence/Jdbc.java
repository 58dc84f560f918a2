package org.pilotline.mes.equipment.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Array parameters for the ingest's unnest() inserts: one statement for a whole batch. */
final class Jdbc {

    private Jdbc() {
    }

    static <T> Array texts(Connection c, List<T> rows, Function<T, String> column) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(column).toArray());
    }

    static <T> Array times(Connection c, List<T> rows, Function<T, Instant> column) throws SQLException {
        return c.createArrayOf("timestamptz", rows.stream().map(column).map(Timestamp::from).toArray());
    }

    static <T> Array doubles(Connection c, List<T> rows, Function<T, Double> column) throws SQLException {
        return c.createArrayOf("float8", rows.stream().map(column).toArray());
    }

    static <T> Array ints(Connection c, List<T> rows, Function<T, Integer> column) throws SQLException {
        return c.createArrayOf("int4", rows.stream().map(column).toArray());
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Double nullableDouble(java.sql.ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
