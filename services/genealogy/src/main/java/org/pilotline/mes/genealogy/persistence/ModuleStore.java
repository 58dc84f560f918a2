package org.pilotline.mes.genealogy.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Modules and the cells placed in them. */
@ApplicationScoped
public class ModuleStore {

    private final EntityManager em;

    ModuleStore(EntityManager em) {
        this.em = em;
    }

    public boolean exists(String serial) {
        return !em.createNativeQuery("select 1 from module where serial = ?1").setParameter(1, serial)
                .getResultList().isEmpty();
    }

    public void insert(String serial, String product, String lot, String by, Instant at) {
        em.createNativeQuery("insert into module (serial, product, lot, created_at, created_by) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, serial).setParameter(2, product).setParameter(3, lot)
                .setParameter(4, Timestamp.from(at)).setParameter(5, by).executeUpdate();
    }

    public void place(String module, String cell, int position, Instant at) {
        em.createNativeQuery("insert into module_cell (module, cell, position, placed_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, module).setParameter(2, cell).setParameter(3, position)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
    }

    /** serial, status, module (null if in none) of each named cell that exists, locked against a concurrent build. */
    @SuppressWarnings("unchecked")
    public List<Object[]> cellsForUpdate(List<String> serials) {
        return em.createNativeQuery("select c.serial, c.status, m.module from cell c left join module_cell m "
                + "on m.cell = c.serial where c.serial = any (?1) order by c.serial for update of c")
                .setParameter(1, serials.toArray(String[]::new)).getResultList();
    }

    /** serial, product, lot, created at, created by; empty if unknown. */
    public Optional<Object[]> module(String serial) {
        List<?> rows = em.createNativeQuery("select serial, product, lot, created_at, created_by from module "
                + "where serial = ?1").setParameter(1, serial).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    /** position, cell serial, its production lot, its status, placed at. */
    @SuppressWarnings("unchecked")
    public List<Object[]> cells(String module) {
        return em.createNativeQuery("select m.position, m.cell, c.lot, c.status, m.placed_at from module_cell m "
                + "join cell c on c.serial = m.cell where m.module = ?1 order by m.position")
                .setParameter(1, module).getResultList();
    }

    /**
     * Every material lot upstream of the module's cells, each once at its shortest distance from the module (a
     * cell's own inputs are 2 steps away): lot id, depth.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> materials(String module) {
        return em.createNativeQuery("""
                with recursive up as (
                    select l.parent_lot, 2 as depth from live_link l join module_cell m
                        on l.child_kind = 'CELL' and l.child_id = m.cell where m.module = ?1
                    union
                    select l.parent_lot, up.depth + 1
                      from live_link l join up on l.child_kind = 'MATERIAL_LOT' and l.child_id = up.parent_lot
                     where up.depth < ?2)
                select parent_lot, min(depth) from up group by parent_lot order by min(depth), parent_lot""")
                .setParameter(1, module).setParameter(2, GenealogyStore.MAX_DEPTH + 1).getResultList();
    }
}
