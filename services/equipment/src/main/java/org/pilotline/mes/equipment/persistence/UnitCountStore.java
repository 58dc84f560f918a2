package org.pilotline.mes.equipment.persistence;

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
        Jdbc.update(db, "insert into unit_count (equipment_id, ts, operation, good, scrap, lot, cell) "
                + "select * from unnest(?::text[], ?::timestamptz[], ?::text[], ?::int4[], ?::int4[], ?::text[], "
                + "?::text[])", ps -> {
                    ps.setArray(1, Jdbc.texts(ps, rows, UnitCount::equipmentId));
                    ps.setArray(2, Jdbc.times(ps, rows, UnitCount::ts));
                    ps.setArray(3, Jdbc.texts(ps, rows, UnitCount::operation));
                    ps.setArray(4, Jdbc.ints(ps, rows, UnitCount::good));
                    ps.setArray(5, Jdbc.ints(ps, rows, UnitCount::scrap));
                    ps.setArray(6, Jdbc.texts(ps, rows, UnitCount::lot));
                    ps.setArray(7, Jdbc.texts(ps, rows, UnitCount::cell));
                });
    }

    public Totals totals(String equipmentId, Instant from, Instant to) {
        return Jdbc.one(db, "select coalesce(sum(good), 0), coalesce(sum(scrap), 0) from unit_count "
                + "where equipment_id = ? and ts >= ? and ts < ?", ps -> {
                    ps.setString(1, equipmentId);
                    ps.setTimestamp(2, Jdbc.time(from));
                    ps.setTimestamp(3, Jdbc.time(to));
                }, rs -> new Totals(rs.getLong(1), rs.getLong(2)));
    }
}
