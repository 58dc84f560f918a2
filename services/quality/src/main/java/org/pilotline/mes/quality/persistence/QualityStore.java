package org.pilotline.mes.quality.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.quality.api.QualityApi.MeasurementView;

/** SQL of the quality service: plans, lot and cell membership, measurements. */
@ApplicationScoped
public class QualityStore {

    /** A measurement as the API shows it, with the correction that replaced it, if any. */
    private static final String MEASUREMENT = "select m.id, m.characteristic, m.value, m.unit, m.cell, m.lot, "
            + "m.material_lot, m.product, m.verdict, m.reason, m.lower_limit, m.upper_limit, m.measured_at, "
            + "m.equipment, m.plan_version, m.source, m.entered_by, m.corrects, "
            + "(select x.id from measurement x where x.corrects = m.id), m.note from measurement m";
    /** Measurements that count: not replaced by a correction. */
    private static final String LIVE = "not exists (select 1 from measurement x where x.corrects = m.id) ";

    private final EntityManager em;

    QualityStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Current characteristics of a product: operation, characteristic, name, unit, lower, target, upper, routing,
     * routing version, sampling, sample size, source.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> currentPlan(String product) {
        return em.createNativeQuery("select operation, characteristic, name, unit, lower_limit, target, upper_limit, "
                + "routing, routing_version, sampling, sample_size, source from plan_characteristic where product = ?1 "
                + "and superseded_at is null "
                + "order by id").setParameter(1, product).getResultList();
    }

    public void upsertLot(String lot, String workOrder, String product) {
        em.createNativeQuery("insert into production_lot (lot, work_order, product) values (?1, ?2, ?3) "
                + "on conflict (lot) do update set work_order = excluded.work_order, product = excluded.product")
                .setParameter(1, lot).setParameter(2, workOrder).setParameter(3, product).executeUpdate();
    }

    public void upsertCell(String cell, String lot) {
        em.createNativeQuery("insert into cell_lot (cell, lot) values (?1, ?2) on conflict (cell) do nothing")
                .setParameter(1, cell).setParameter(2, lot).executeUpdate();
    }

    public Optional<String> lotOfCell(String cell) {
        return first(em.createNativeQuery("select lot from cell_lot where cell = ?1").setParameter(1, cell)
                .getResultList());
    }

    public Optional<String> productOfLot(String lot) {
        return first(em.createNativeQuery("select product from production_lot where lot = ?1").setParameter(1, lot)
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    public List<String> cellsOfLot(String lot) {
        return em.createNativeQuery("select cell from cell_lot where lot = ?1 order by cell").setParameter(1, lot)
                .getResultList();
    }

    /** @return the new measurement's id */
    public long insertMeasurement(String eventId, String equipment, String characteristic, BigDecimal value,
            String unit, String cell, String lot, String materialLot, String product, BigDecimal lower,
            BigDecimal upper, String verdict, String reason, Instant measuredAt, Integer planVersion, String source,
            String enteredBy, Long corrects, String note) {
        return ((Number) em.createNativeQuery("insert into measurement (event_id, equipment, characteristic, value, "
                + "unit, cell, lot, material_lot, product, lower_limit, upper_limit, verdict, reason, measured_at, "
                + "plan_version, source, entered_by, corrects, note) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                + "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) returning id")
                .setParameter(1, eventId).setParameter(2, equipment).setParameter(3, characteristic)
                .setParameter(4, value).setParameter(5, unit).setParameter(6, cell).setParameter(7, lot)
                .setParameter(8, materialLot).setParameter(9, product).setParameter(10, lower)
                .setParameter(11, upper).setParameter(12, verdict).setParameter(13, reason)
                .setParameter(14, Timestamp.from(measuredAt)).setParameter(15, planVersion)
                .setParameter(16, source).setParameter(17, enteredBy).setParameter(18, corrects)
                .setParameter(19, note).getSingleResult()).longValue();
    }

    public boolean isCorrected(long id) {
        return !em.createNativeQuery("select 1 from measurement where corrects = ?1").setParameter(1, id)
                .getResultList().isEmpty();
    }

    public Optional<MeasurementView> measurement(long id) {
        List<?> rows = em.createNativeQuery(MEASUREMENT + " where m.id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(measurementView((Object[]) rows.get(0)));
    }

    /** Latest measurement of each characteristic of each cell of a lot: cell, characteristic, verdict, reason. */
    @SuppressWarnings("unchecked")
    public List<Object[]> latestOfLotCells(String lot) {
        return em.createNativeQuery("select distinct on (m.cell, m.characteristic) m.cell, m.characteristic, "
                + "m.verdict, m.reason from measurement m join cell_lot c on c.cell = m.cell where c.lot = ?1 and " + LIVE
                + "order by m.cell, m.characteristic, m.measured_at desc, m.id desc")
                .setParameter(1, lot).getResultList();
    }

    /**
     * Latest measurement per (cell, characteristic) of a lot for the given characteristics, lot-level ones (no cell)
     * included; with a cell, only that cell's and the lot-level ones: cell, characteristic, verdict, reason.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> latestForGate(String lot, String cell, List<String> characteristics) {
        String scope = cell == null ? "(m.lot = ?1 or m.cell in (select c.cell from cell_lot c where c.lot = ?1))"
                : "(m.cell = ?3 or (m.cell is null and m.lot = ?1))";
        var query = em.createNativeQuery("select distinct on (m.cell, m.characteristic) m.cell, m.characteristic, "
                + "m.verdict, m.reason from measurement m where " + scope + " and m.characteristic in (?2) and " + LIVE
                + "order by m.cell, m.characteristic, m.measured_at desc, m.id desc")
                .setParameter(1, lot).setParameter(2, characteristics);
        if (cell != null) {
            query.setParameter(3, cell);
        }
        return query.getResultList();
    }

    /** Measurements of a cell or lot (either may be null), oldest first, corrected ones and corrections included. */
    @SuppressWarnings("unchecked")
    public List<MeasurementView> measurements(String cell, String lot, int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery(MEASUREMENT + " where (cast(?1 as text) is null or "
                + "m.cell = cast(?1 as text)) and (cast(?2 as text) is null or m.lot = cast(?2 as text)) "
                + "order by m.measured_at, m.id offset ?3 limit ?4").setParameter(1, cell).setParameter(2, lot)
                .setParameter(3, offset).setParameter(4, limit).getResultList();
        return rows.stream().map(QualityStore::measurementView).toList();
    }

    private static MeasurementView measurementView(Object[] r) {
        return new MeasurementView(((Number) r[0]).longValue(), (String) r[1], (BigDecimal) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (BigDecimal) r[10], (BigDecimal) r[11], SqlValues.instant(r[12]), (String) r[13],
                r[14] == null ? null : ((Number) r[14]).intValue(), (String) r[15], (String) r[16],
                r[17] == null ? null : ((Number) r[17]).longValue(), r[18] == null ? null : ((Number) r[18]).longValue(),
                (String) r[19]);
    }

    public long measurementCount(String cell, String lot) {
        return ((Number) em.createNativeQuery("select count(*) from measurement where (cast(?1 as text) is null "
                + "or cell = cast(?1 as text)) and (cast(?2 as text) is null or lot = cast(?2 as text))")
                .setParameter(1, cell).setParameter(2, lot).getSingleResult()).longValue();
    }

    /** The newest n verdicts of a product's characteristic that count (not corrected), newest first. */
    @SuppressWarnings("unchecked")
    public List<String> lastVerdicts(String product, String characteristic, int n) {
        return em.createNativeQuery("select m.verdict from measurement m where m.product = ?1 "
                + "and m.characteristic = ?2 and " + LIVE + "order by m.measured_at desc, m.id desc limit ?3")
                .setParameter(1, product).setParameter(2, characteristic).setParameter(3, n).getResultList();
    }

    /** The newest n values of a product's characteristic that count, oldest first: the tail of its SPC chart. */
    @SuppressWarnings("unchecked")
    public double[] lastValues(String product, String characteristic, int n) {
        List<Number> values = em.createNativeQuery("select v from (select m.value v, m.measured_at t, m.id i "
                + "from measurement m where m.product = ?1 and m.characteristic = ?2 and m.verdict <> 'NO_LIMITS' "
                + "and " + LIVE + "order by m.measured_at desc, m.id desc limit ?3) r order by t, i")
                .setParameter(1, product).setParameter(2, characteristic).setParameter(3, n).getResultList();
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }

    /**
     * A product's characteristic over a time range, oldest first, at most limit values (the newest): value, measured
     * at, cell, lot, verdict.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> series(String product, String characteristic, Instant from, Instant to, int limit) {
        return em.createNativeQuery("select v, t, c, l, j from (select m.value v, m.measured_at t, m.cell c, "
                + "m.lot l, m.verdict j, m.id i from measurement m where m.product = ?1 and m.characteristic = ?2 "
                + "and m.measured_at >= ?3 and m.measured_at < ?4 and m.verdict <> 'NO_LIMITS' and " + LIVE
                + "order by m.measured_at desc, m.id desc limit ?5) r order by t, i").setParameter(1, product)
                .setParameter(2, characteristic).setParameter(3, Timestamp.from(from))
                .setParameter(4, Timestamp.from(to)).setParameter(5, limit).getResultList();
    }

    /** Cells of a lot whose latest counting measurement of the characteristic exists, and how many passed. */
    public long[] lotYield(String lot, String characteristic) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where verdict = 'PASS') "
                + "from (select distinct on (m.cell) m.verdict from measurement m where m.lot = ?1 "
                + "and m.characteristic = ?2 and m.cell is not null and " + LIVE
                + "order by m.cell, m.measured_at desc, m.id desc) latest").setParameter(1, lot)
                .setParameter(2, characteristic).getSingleResult();
        return new long[] { ((Number) r[0]).longValue(), ((Number) r[1]).longValue() };
    }

    /** The area and line a lot's cells are stacked in: the first heard of. */
    public void lotPlace(String lot, String area, String line) {
        em.createNativeQuery("update production_lot set line = ?3, area = ?2 where lot = ?1 and line is null")
                .setParameter(1, lot).setParameter(2, area).setParameter(3, line).executeUpdate();
    }

    public void decideLot(String lot, String decision) {
        em.createNativeQuery("update production_lot set decision = ?2 where lot = ?1").setParameter(1, lot)
                .setParameter(2, decision).executeUpdate();
    }

    /**
     * Lots with cells stacked in the area and on the line (area null: anywhere on the line) that work-orders has not
     * approved or rejected yet.
     */
    @SuppressWarnings("unchecked")
    public List<String> undecidedLotsIn(String area, String line) {
        return em.createNativeQuery("select lot from production_lot where line = ?2 and decision is null "
                + "and (cast(?1 as text) is null or area is null or area = cast(?1 as text)) order by lot")
                .setParameter(1, area).setParameter(2, line).getResultList();
    }

    /** Latest measurement of each characteristic measured on the lot as a whole (no cell): characteristic, verdict, reason. */
    @SuppressWarnings("unchecked")
    public List<Object[]> lotLevelLatest(String lot) {
        return em.createNativeQuery("select distinct on (m.characteristic) m.characteristic, m.verdict, m.reason "
                + "from measurement m where m.lot = ?1 and m.cell is null and " + LIVE
                + "order by m.characteristic, m.measured_at desc, m.id desc").setParameter(1, lot).getResultList();
    }

    public void productStage(String product, String stage) {
        em.createNativeQuery("insert into product_stage (product, stage) values (?1, ?2) on conflict (product) "
                + "do update set stage = excluded.stage").setParameter(1, product).setParameter(2, stage)
                .executeUpdate();
    }

    /** product, stage of every product quality knows the stage of, from sample to production. */
    @SuppressWarnings("unchecked")
    public List<Object[]> productsByStage() {
        return em.createNativeQuery("select product, stage from product_stage order by case stage when 'SAMPLE' "
                + "then 1 when 'VALIDATION' then 2 when 'PROCESS' then 3 when 'PRODUCTION' then 4 else 5 end, product")
                .getResultList();
    }

    /**
     * Cells of a product measured in the window, and those whose latest counting measurement of every
     * characteristic measured on them passed.
     */
    public long[] cellYield(String product, Instant from, Instant to) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where failed = 0) from ("
                + "select cell, count(*) filter (where verdict = 'FAIL') failed from (select distinct on (m.cell, "
                + "m.characteristic) m.cell, m.verdict from measurement m where m.product = ?1 and m.cell is not null "
                + "and m.measured_at >= ?2 and m.measured_at < ?3 and " + LIVE + "order by m.cell, m.characteristic, "
                + "m.measured_at desc, m.id desc) latest group by cell) cells").setParameter(1, product)
                .setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to)).getSingleResult();
        return new long[] { ((Number) r[0]).longValue(), ((Number) r[1]).longValue() };
    }

    private static Optional<String> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }
}
