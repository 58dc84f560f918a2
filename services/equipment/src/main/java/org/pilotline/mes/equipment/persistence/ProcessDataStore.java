package org.pilotline.mes.equipment.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * Process values in daily partitions (UTC days of the equipment's timestamp), written a batch at a time, read as
 * raw series, as time buckets for long ranges, and by the cell, lot or material lot they were recorded for.
 */
@ApplicationScoped
public class ProcessDataStore {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final AgroalDataSource db;
    private final TransactionSynchronizationRegistry transactions;
    /** Days whose partition exists; checked before every insert so that a new day costs one DDL, once. */
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();

    ProcessDataStore(AgroalDataSource db, TransactionSynchronizationRegistry transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    public record Sample(String equipmentId, String tag, Instant ts, double value, String lot, String cell,
            String materialLot) {
    }

    public record Point(Instant ts, double value, String lot, String cell, String materialLot) {
    }

    public record Bucket(Instant start, long count, double min, double max, double avg, double last) {
    }

    public record CurrentValue(String tag, double value, Instant ts, boolean stale) {
    }

    /** Samples recorded for one cell, lot or material lot, grouped by equipment and tag. */
    public record ContextSeries(String equipment, String tag, long count, double min, double max, double avg,
            Instant first, Instant last, List<Point> points) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        ensurePartitions(samples);
        Jdbc.update(db, "insert into process_value (equipment_id, tag, ts, value, lot, cell, material_lot) "
                + "select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::text[], ?::text[], "
                + "?::text[])", ps -> {
                    ps.setArray(1, Jdbc.texts(ps, samples, Sample::equipmentId));
                    ps.setArray(2, Jdbc.texts(ps, samples, Sample::tag));
                    ps.setArray(3, Jdbc.times(ps, samples, Sample::ts));
                    ps.setArray(4, Jdbc.doubles(ps, samples, Sample::value));
                    ps.setArray(5, Jdbc.texts(ps, samples, Sample::lot));
                    ps.setArray(6, Jdbc.texts(ps, samples, Sample::cell));
                    ps.setArray(7, Jdbc.texts(ps, samples, Sample::materialLot));
                });
        updateCurrent(samples);
    }

    private void ensurePartitions(List<Sample> samples) {
        Set<LocalDate> days = new TreeSet<>();
        for (Sample s : samples) {
            LocalDate day = LocalDate.ofInstant(s.ts(), ZoneOffset.UTC);
            if (!partitions.contains(day)) {
                days.add(day);
            }
        }
        for (LocalDate day : days) {
            Jdbc.update(db, "create table if not exists process_value_" + DAY.format(day) + " partition of "
                    + "process_value for values from ('" + day + " 00:00:00+00') to ('" + day.plusDays(1)
                    + " 00:00:00+00')", ps -> {
                    });
        }
        if (!days.isEmpty()) {
            // remembered once the DDL has committed: a rolled-back batch takes its partition with it
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        partitions.addAll(days);
                    }
                }
            });
        }
    }

    private void updateCurrent(List<Sample> samples) {
        Map<String, Sample> latest = new LinkedHashMap<>();
        for (Sample s : samples) {
            latest.merge(s.equipmentId() + '\u0000' + s.tag(), s, (a, b) -> b.ts().isBefore(a.ts()) ? a : b);
        }
        List<Sample> rows = new ArrayList<>(latest.values());
        Jdbc.update(db, "insert into current_value (equipment_id, tag, value, ts) select * from unnest(?::text[], "
                + "?::text[], ?::float8[], ?::timestamptz[]) on conflict (equipment_id, tag) do update set "
                + "value = excluded.value, ts = excluded.ts, stale = false where current_value.ts <= excluded.ts",
                ps -> {
                    ps.setArray(1, Jdbc.texts(ps, rows, Sample::equipmentId));
                    ps.setArray(2, Jdbc.texts(ps, rows, Sample::tag));
                    ps.setArray(3, Jdbc.doubles(ps, rows, Sample::value));
                    ps.setArray(4, Jdbc.times(ps, rows, Sample::ts));
                });
    }

    /** Marks every current value of the equipment stale: the device said it is offline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markStale(Collection<String> equipmentIds) {
        if (!equipmentIds.isEmpty()) {
            Jdbc.update(db, "update current_value set stale = true where equipment_id = any (?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", equipmentIds.toArray())));
        }
    }

    public List<CurrentValue> current(String equipmentId) {
        return Jdbc.query(db, "select tag, value, ts, stale from current_value where equipment_id = ? order by tag",
                ps -> ps.setString(1, equipmentId), rs -> new CurrentValue(rs.getString(1), rs.getDouble(2),
                        rs.getTimestamp(3).toInstant(), rs.getBoolean(4)));
    }

    /** Raw samples of one tag in [from, to), oldest first, at most {@code limit}. */
    public List<Point> series(String equipmentId, String tag, Instant from, Instant to, int limit) {
        return Jdbc.query(db, "select ts, value, lot, cell, material_lot from process_value "
                + "where equipment_id = ? and tag = ? and ts >= ? and ts < ? order by ts limit ?", ps -> {
                    bindSeries(ps, equipmentId, tag, from, to, 1);
                    ps.setInt(5, limit);
                }, rs -> new Point(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
    }

    /** One row per time bucket of the range that has samples: count, min, max, average and last value. */
    public List<Bucket> downsampled(String equipmentId, String tag, Instant from, Instant to, Duration bucket) {
        return Jdbc.query(db, "select date_bin(make_interval(secs => ?), ts, ?) b, count(*), min(value), max(value), "
                + "avg(value), (array_agg(value order by ts desc))[1] from process_value "
                + "where equipment_id = ? and tag = ? and ts >= ? and ts < ? group by b order by b", ps -> {
                    ps.setDouble(1, bucket.toMillis() / 1000.0);
                    ps.setTimestamp(2, Jdbc.time(from));
                    bindSeries(ps, equipmentId, tag, from, to, 3);
                }, rs -> new Bucket(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6)));
    }

    /** How many samples one tag has in [from, to): decides between raw points and buckets. */
    public long count(String equipmentId, String tag, Instant from, Instant to) {
        return Jdbc.one(db, "select count(*) from process_value where equipment_id = ? and tag = ? and ts >= ? "
                + "and ts < ?", ps -> bindSeries(ps, equipmentId, tag, from, to, 1), rs -> rs.getLong(1));
    }

    /** What was recorded for a cell, lot or material lot, each series with its first points. */
    public List<ContextSeries> ofContext(ContextKind kind, String id, int pointsPerSeries) {
        return Jdbc.query(db, "select equipment_id, tag, count(*), min(value), max(value), avg(value), min(ts), "
                + "max(ts), (array_agg(ts order by ts))[1:?], (array_agg(value order by ts))[1:?] "
                + "from process_value where " + kind.column + " = ? group by equipment_id, tag "
                + "order by min(ts), equipment_id, tag", ps -> {
                    ps.setInt(1, pointsPerSeries);
                    ps.setInt(2, pointsPerSeries);
                    ps.setString(3, id);
                }, rs -> {
                    Timestamp[] times = (Timestamp[]) rs.getArray(9).getArray();
                    Double[] values = (Double[]) rs.getArray(10).getArray();
                    List<Point> points = new ArrayList<>();
                    for (int i = 0; i < times.length; i++) {
                        points.add(new Point(times[i].toInstant(), values[i], null, null, null));
                    }
                    return new ContextSeries(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getTimestamp(7).toInstant(),
                            rs.getTimestamp(8).toInstant(), points);
                });
    }

    private static void bindSeries(PreparedStatement ps, String equipmentId, String tag, Instant from, Instant to,
            int first) throws SQLException {
        ps.setString(first, equipmentId);
        ps.setString(first + 1, tag);
        ps.setTimestamp(first + 2, Jdbc.time(from));
        ps.setTimestamp(first + 3, Jdbc.time(to));
    }

    /** The context a process value can be looked up by; the column is fixed here, never taken from a request. */
    public enum ContextKind {
        CELL("cell"), LOT("lot"), MATERIAL_LOT("material_lot");

        private final String column;

        ContextKind(String column) {
            this.column = column;
        }
    }
}
