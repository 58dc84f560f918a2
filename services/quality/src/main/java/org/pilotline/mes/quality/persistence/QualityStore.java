package org.pilotline.mes.quality.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.pilotline.mes.contracts.events.CharacteristicSpec;

/** SQL of the quality service: plans, lot and cell membership, measurements. */
@ApplicationScoped
public class QualityStore {

    private final EntityManager em;

    QualityStore(EntityManager em) {
        this.em = em;
    }

    public int supersedePlan(String product, Instant at) {
        return em.createNativeQuery("update plan_characteristic set superseded_at = ?2 "
                + "where product = ?1 and superseded_at is null").setParameter(1, product)
                .setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    public void addPlanCharacteristic(String product, String routing, int version, String operation,
            CharacteristicSpec c, Instant at) {
        em.createNativeQuery("insert into plan_characteristic (product, routing, routing_version, operation, "
                + "characteristic, name, unit, lower_limit, target, upper_limit, valid_from) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, product).setParameter(2, routing).setParameter(3, version)
                .setParameter(4, operation).setParameter(5, c.code()).setParameter(6, c.name())
                .setParameter(7, c.unit()).setParameter(8, c.lowerLimit()).setParameter(9, c.target())
                .setParameter(10, c.upperLimit()).setParameter(11, Timestamp.from(at)).executeUpdate();
    }

    /** Current characteristics of a product: operation, characteristic, name, unit, lower, target, upper, routing, version. */
    @SuppressWarnings("unchecked")
    public List<Object[]> currentPlan(String product) {
        return em.createNativeQuery("select operation, characteristic, name, unit, lower_limit, target, upper_limit, "
                + "routing, routing_version from plan_characteristic where product = ?1 and superseded_at is null "
                + "order by id").setParameter(1, product).getResultList();
    }

    /** The limits in force for one characteristic of a product: unit, lower, upper; empty without a plan. */
    public Optional<Object[]> currentLimits(String product, String characteristic) {
        List<?> rows = em.createNativeQuery("select unit, lower_limit, upper_limit from plan_characteristic "
                + "where product = ?1 and characteristic = ?2 and superseded_at is null order by id limit 1")
                .setParameter(1, product).setParameter(2, characteristic).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
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

    public boolean insertMeasurement(String eventId, String equipment, String characteristic, BigDecimal value,
            String unit, String cell, String lot, String materialLot, String product, BigDecimal lower,
            BigDecimal upper, String verdict, String reason, Instant measuredAt) {
        return em.createNativeQuery("insert into measurement (event_id, equipment, characteristic, value, unit, "
                + "cell, lot, material_lot, product, lower_limit, upper_limit, verdict, reason, measured_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                + "on conflict (event_id) do nothing")
                .setParameter(1, eventId).setParameter(2, equipment).setParameter(3, characteristic)
                .setParameter(4, value).setParameter(5, unit).setParameter(6, cell).setParameter(7, lot)
                .setParameter(8, materialLot).setParameter(9, product).setParameter(10, lower)
                .setParameter(11, upper).setParameter(12, verdict).setParameter(13, reason)
                .setParameter(14, Timestamp.from(measuredAt)).executeUpdate() == 1;
    }

    /** Latest measurement of each characteristic of each cell of a lot: cell, characteristic, verdict, reason. */
    @SuppressWarnings("unchecked")
    public List<Object[]> latestOfLotCells(String lot) {
        return em.createNativeQuery("select distinct on (m.cell, m.characteristic) m.cell, m.characteristic, "
                + "m.verdict, m.reason from measurement m join cell_lot c on c.cell = m.cell where c.lot = ?1 "
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
                + "m.verdict, m.reason from measurement m where " + scope + " and m.characteristic in (?2) "
                + "order by m.cell, m.characteristic, m.measured_at desc, m.id desc")
                .setParameter(1, lot).setParameter(2, characteristics);
        if (cell != null) {
            query.setParameter(3, cell);
        }
        return query.getResultList();
    }

    /** id, characteristic, value, unit, cell, lot, material_lot, product, verdict, reason, lower, upper, measured_at, equipment. */
    @SuppressWarnings("unchecked")
    public List<Object[]> measurements(String cell, String lot, int offset, int limit) {
        return em.createNativeQuery("select id, characteristic, value, unit, cell, lot, material_lot, product, "
                + "verdict, reason, lower_limit, upper_limit, measured_at, equipment from measurement "
                + "where (cast(?1 as text) is null or cell = cast(?1 as text)) and (cast(?2 as text) is null or lot = cast(?2 as text)) order by measured_at, id "
                + "offset ?3 limit ?4").setParameter(1, cell).setParameter(2, lot).setParameter(3, offset)
                .setParameter(4, limit).getResultList();
    }

    public long measurementCount(String cell, String lot) {
        return ((Number) em.createNativeQuery("select count(*) from measurement where (cast(?1 as text) is null "
                + "or cell = cast(?1 as text)) and (cast(?2 as text) is null or lot = cast(?2 as text))")
                .setParameter(1, cell).setParameter(2, lot).getSingleResult()).longValue();
    }

    private static Optional<String> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }
}
