package org.pilotline.mes.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service's database holds, table by table: row count and a digest of every row, so that two snapshots
 * differ exactly when some row was added, changed or removed.
 */
record DatabaseSnapshot(Map<String, String> tables) {

    static DatabaseSnapshot of(Plant plant, String database) {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = Probes.db(plant, database);
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet rs = s.executeQuery("select count(*) || ' rows, ' || coalesce(md5(string_agg("
                        + "md5(t::text), '' order by md5(t::text))), '-') from \"" + table + "\" t")) {
                    rs.next();
                    tables.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
        return new DatabaseSnapshot(tables);
    }

    /** The tables that differ, with before and after; empty when nothing changed. */
    List<String> changesSince(DatabaseSnapshot before) {
        List<String> changes = new ArrayList<>();
        tables.forEach((table, now) -> {
            String then = before.tables.get(table);
            if (!now.equals(then)) {
                changes.add(table + ": " + then + " -> " + now);
            }
        });
        return changes;
    }
}
