package org.pilotline.mes.genealogy.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The recall scope of a set of material lots: every cell any of them reached, through any number of steps (up to
 * {@link GenealogyStore#MAX_DEPTH}). Lot ids are {@code [A-Za-z0-9_-]}, so they travel as one comma-separated
 * parameter.
 */
@ApplicationScoped
public class RecallStore {

    private static final String DOWN = """
            with recursive down as (
                select l.parent_lot as source, l.child_kind, l.child_id, 1 as depth
                  from live_link l where l.parent_lot = any (string_to_array(?1, ','))
                union
                select down.source, l.child_kind, l.child_id, down.depth + 1
                  from live_link l join down on down.child_kind = 'MATERIAL_LOT' and l.parent_lot = down.child_id
                 where down.depth < ?2)
            """;

    private final EntityManager em;

    RecallStore(EntityManager em) {
        this.em = em;
    }

    /** serial, lot, work order, product, shortest depth, the requested lots it came from (sorted, space-separated). */
    @SuppressWarnings("unchecked")
    public List<Object[]> cells(List<String> materialLots, int offset, int limit) {
        return em.createNativeQuery(DOWN + """
                select c.serial, c.lot, p.work_order, p.product, min(down.depth),
                       string_agg(distinct down.source, ' ' order by down.source)
                  from down join cell c on down.child_kind = 'CELL' and c.serial = down.child_id
                  left join production_lot p on p.lot = c.lot
                 group by c.serial, c.lot, p.work_order, p.product
                 order by c.serial""")
                .setParameter(1, String.join(",", materialLots)).setParameter(2, GenealogyStore.MAX_DEPTH)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long cellCount(List<String> materialLots) {
        return ((Number) em.createNativeQuery(DOWN + """
                select count(distinct down.child_id) from down where down.child_kind = 'CELL'""")
                .setParameter(1, String.join(",", materialLots)).setParameter(2, GenealogyStore.MAX_DEPTH).getSingleResult())
                .longValue();
    }

    /** Production lots reached: the lots of the cells, and lots material was booked into directly. */
    @SuppressWarnings("unchecked")
    public List<String> lots(List<String> materialLots) {
        return em.createNativeQuery(DOWN + """
                select distinct lot from (
                    select c.lot from down join cell c on down.child_kind = 'CELL' and c.serial = down.child_id
                    union select down.child_id from down where down.child_kind = 'LOT') reached
                 order by lot""")
                .setParameter(1, String.join(",", materialLots)).setParameter(2, GenealogyStore.MAX_DEPTH).getResultList();
    }

    /** Intermediate material lots reached (coils, sub-coils, film rolls, powder batches). */
    @SuppressWarnings("unchecked")
    public List<String> intermediates(List<String> materialLots) {
        return em.createNativeQuery(DOWN + """
                select distinct child_id from down where child_kind = 'MATERIAL_LOT' order by child_id""")
                .setParameter(1, String.join(",", materialLots)).setParameter(2, GenealogyStore.MAX_DEPTH).getResultList();
    }

    /** Modules holding an affected cell. */
    @SuppressWarnings("unchecked")
    public List<String> modules(List<String> materialLots) {
        return em.createNativeQuery(DOWN + """
                select distinct mc.module from down join module_cell mc on down.child_kind = 'CELL'
                   and mc.cell = down.child_id order by mc.module""")
                .setParameter(1, String.join(",", materialLots)).setParameter(2, GenealogyStore.MAX_DEPTH).getResultList();
    }
}
