package org.pilotline.mes.genealogy.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** SQL of the as-built graph: cells, links and the recursive trace queries. */
@ApplicationScoped
public class GenealogyStore {

    /** Deepest chain a trace follows; real chains are about ten steps. */
    public static final int MAX_DEPTH = 64;

    private final EntityManager em;

    GenealogyStore(EntityManager em) {
        this.em = em;
    }

    public Optional<MaterialLotEntity> materialLot(String id) {
        return Optional.ofNullable(em.find(MaterialLotEntity.class, id));
    }

    public void persist(MaterialLotEntity lot) {
        em.persist(lot);
    }

    public boolean cellExists(String serial) {
        return !em.createNativeQuery("select 1 from cell where serial = ?1").setParameter(1, serial)
                .getResultList().isEmpty();
    }

    public void insertCell(String serial, String lot, String equipment, Instant at) {
        em.createNativeQuery("insert into cell (serial, lot, equipment, status, created_at) "
                + "values (?1, ?2, ?3, 'IN_PROCESS', ?4)").setParameter(1, serial).setParameter(2, lot)
                .setParameter(3, equipment).setParameter(4, Timestamp.from(at)).executeUpdate();
    }

    public void insertLink(String parentLot, String childKind, String childId, BigDecimal quantity, String unit,
            BigDecimal rangeFrom, BigDecimal rangeTo, String equipment, String eventId, Instant at) {
        em.createNativeQuery("insert into link (parent_lot, child_kind, child_id, quantity, unit, range_from, "
                + "range_to, equipment, event_id, at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, parentLot).setParameter(2, childKind).setParameter(3, childId)
                .setParameter(4, quantity).setParameter(5, unit).setParameter(6, rangeFrom)
                .setParameter(7, rangeTo).setParameter(8, equipment).setParameter(9, eventId)
                .setParameter(10, Timestamp.from(at)).executeUpdate();
    }

    /** A consumption by a person: no equipment, who recorded it instead. */
    public void insertManualLink(String parentLot, String childKind, String childId, BigDecimal quantity, String unit,
            String recordedBy, String reference, Instant at) {
        em.createNativeQuery("insert into link (parent_lot, child_kind, child_id, quantity, unit, recorded_by, "
                + "event_id, at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, parentLot).setParameter(2, childKind).setParameter(3, childId)
                .setParameter(4, quantity).setParameter(5, unit).setParameter(6, recordedBy)
                .setParameter(7, reference).setParameter(8, Timestamp.from(at)).executeUpdate();
    }

    /** Open quality holds on a material lot. */
    public long openHolds(String materialLot) {
        return ((Number) em.createNativeQuery("select count(*) from material_lot_hold where material_lot = ?1")
                .setParameter(1, materialLot).getSingleResult()).longValue();
    }

    /** @return false if the hold was known already (a redelivered event) */
    public boolean addHold(String materialLot, long holdId, String reason, Instant at) {
        return em.createNativeQuery("insert into material_lot_hold (material_lot, hold_id, reason, placed_at) "
                + "values (?1, ?2, ?3, ?4) on conflict do nothing").setParameter(1, materialLot)
                .setParameter(2, holdId).setParameter(3, reason).setParameter(4, Timestamp.from(at))
                .executeUpdate() == 1;
    }

    /** @return false if the hold was not open */
    public boolean removeHold(String materialLot, long holdId) {
        return em.createNativeQuery("delete from material_lot_hold where material_lot = ?1 and hold_id = ?2")
                .setParameter(1, materialLot).setParameter(2, holdId).executeUpdate() == 1;
    }

    public void upsertProductionLot(String lot, String workOrder, String product) {
        em.createNativeQuery("insert into production_lot (lot, work_order, product) values (?1, ?2, ?3) "
                + "on conflict (lot) do update set work_order = excluded.work_order, product = excluded.product")
                .setParameter(1, lot).setParameter(2, workOrder).setParameter(3, product).executeUpdate();
    }

    /** serial, lot, work order, product, equipment, status, created_at; empty when unknown. */
    public Optional<Object[]> cell(String serial) {
        List<?> rows = em.createNativeQuery("select c.serial, c.lot, p.work_order, p.product, c.equipment, c.status, "
                + "c.created_at from cell c left join production_lot p on p.lot = c.lot where c.serial = ?1")
                .setParameter(1, serial).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    /**
     * Every material lot upstream of a cell or material lot, nearest first: lot id, depth, child it went into,
     * quantity, unit, equipment, time, range from/to.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> upstream(String childKind, String childId) {
        return em.createNativeQuery("""
                with recursive up as (
                    select l.parent_lot, 1 as depth, l.child_id, l.quantity, l.unit, l.equipment, l.at,
                           l.range_from, l.range_to
                      from link l where l.child_kind = ?1 and l.child_id = ?2
                    union all
                    select l.parent_lot, up.depth + 1, l.child_id, l.quantity, l.unit, l.equipment, l.at,
                           l.range_from, l.range_to
                      from link l join up on l.child_kind = 'MATERIAL_LOT' and l.child_id = up.parent_lot
                     where up.depth < ?3)
                select parent_lot, depth, child_id, quantity, unit, equipment, at, range_from, range_to
                  from up order by depth, parent_lot""")
                .setParameter(1, childKind).setParameter(2, childId).setParameter(3, MAX_DEPTH).getResultList();
    }

    /** Every material lot, production lot and cell downstream of a material lot, up to maxDepth: kind, id, depth. */
    @SuppressWarnings("unchecked")
    public List<Object[]> downstream(String materialLot, int maxDepth) {
        return em.createNativeQuery("""
                with recursive down as (
                    select l.child_kind, l.child_id, 1 as depth from link l where l.parent_lot = ?1
                    union
                    select l.child_kind, l.child_id, down.depth + 1
                      from link l join down on down.child_kind = 'MATERIAL_LOT' and l.parent_lot = down.child_id
                     where down.depth < ?2)
                select child_kind, child_id, min(depth) from down group by child_kind, child_id
                 order by min(depth), child_kind, child_id""")
                .setParameter(1, materialLot).setParameter(2, Math.min(maxDepth, MAX_DEPTH)).getResultList();
    }

    /** lot, work order, product of cells, for the forward trace. */
    @SuppressWarnings("unchecked")
    public List<Object[]> cellsWithLots(List<String> serials) {
        if (serials.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("select c.serial, c.lot, p.work_order, p.product from cell c "
                + "left join production_lot p on p.lot = c.lot where c.serial = any (?1) order by c.serial")
                .setParameter(1, serials.toArray(String[]::new)).getResultList();
    }
}
