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

    /** The trace queries, kept as files so that the trace benchmark runs exactly them as its psql baseline. */
    private static final String BACKWARD = sql("trace/backward.sql");
    private static final String FORWARD = sql("trace/forward.sql");
    /** Memory for the forward trace's grouping, for this transaction only; the benchmark's baseline uses it too. */
    public static final String FORWARD_WORK_MEM = "32MB";

    private final EntityManager em;

    GenealogyStore(EntityManager em) {
        this.em = em;
    }

    private static String sql(String resource) {
        try (var in = GenealogyStore.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    /** @param parametersJson the stacker's settings as JSON, or null */
    public void insertCell(String serial, String lot, String equipment, String parametersJson, Instant at) {
        em.createNativeQuery("insert into cell (serial, lot, equipment, status, created_at, parameters) "
                + "values (?1, ?2, ?3, 'IN_PROCESS', ?4, cast(?5 as jsonb))").setParameter(1, serial)
                .setParameter(2, lot).setParameter(3, equipment).setParameter(4, Timestamp.from(at))
                .setParameter(5, parametersJson).executeUpdate();
        // material booked into the cell before it was registered: its links learn the cell's lot now
        em.createNativeQuery("update link set cell_lot = ?2 where child_kind = 'CELL' and child_id = ?1 "
                + "and cell_lot is null").setParameter(1, serial).setParameter(2, lot).executeUpdate();
    }

    /**
     * A link recorded by a machine; its operation is the one the machine was running on the production lot or cell
     * at the time (from unit.started), if it said.
     *
     * @param unitLot the production lot the step belongs to, or null
     * @return the link's id
     */
    public long insertLink(String parentLot, String childKind, String childId, BigDecimal quantity, String unit,
            BigDecimal rangeFrom, BigDecimal rangeTo, String equipment, String eventId, Instant at, String unitLot) {
        return ((Number) em.createNativeQuery("""
                insert into link (parent_lot, child_kind, child_id, quantity, unit, range_from, range_to, equipment,
                                  event_id, at, operation, cell_lot)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                        (select o.operation from unit_operation o
                          where o.equipment = ?8 and o.unit_id in (?3, ?11) and o.unit_kind in ('CELL', 'LOT')
                            and coalesce(o.started_at, o.completed_at) <= ?10
                          order by coalesce(o.started_at, o.completed_at) desc limit 1),
                        (select c.lot from cell c where ?2 = 'CELL' and c.serial = ?3))
                returning id""")
                .setParameter(1, parentLot).setParameter(2, childKind).setParameter(3, childId)
                .setParameter(4, quantity).setParameter(5, unit).setParameter(6, rangeFrom)
                .setParameter(7, rangeTo).setParameter(8, equipment).setParameter(9, eventId)
                .setParameter(10, Timestamp.from(at)).setParameter(11, unitLot == null ? childId : unitLot)
                .getSingleResult()).longValue();
    }

    /** A consumption by a person: no equipment, who recorded it instead. @return the link's id */
    public long insertManualLink(String parentLot, String childKind, String childId, BigDecimal quantity, String unit,
            String recordedBy, String operation, String reference, Instant at) {
        return ((Number) em.createNativeQuery("insert into link (parent_lot, child_kind, child_id, quantity, unit, "
                + "recorded_by, operation, event_id, at, cell_lot) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                + "(select c.lot from cell c where ?2 = 'CELL' and c.serial = ?3)) returning id")
                .setParameter(1, parentLot).setParameter(2, childKind).setParameter(3, childId)
                .setParameter(4, quantity).setParameter(5, unit).setParameter(6, recordedBy)
                .setParameter(7, operation).setParameter(8, reference).setParameter(9, Timestamp.from(at))
                .getSingleResult()).longValue();
    }

    /** id, parent lot, child kind, child id, quantity, unit, operation, equipment, recorded by, at; empty if unknown. */
    public Optional<Object[]> link(long id) {
        List<?> rows = em.createNativeQuery("select id, parent_lot, child_kind, child_id, quantity, unit, operation, "
                + "equipment, recorded_by, at from link where id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    public boolean isCorrected(long linkId) {
        return !em.createNativeQuery("select 1 from link_correction where corrects = ?1").setParameter(1, linkId)
                .getResultList().isEmpty();
    }

    /** @return the correction's id */
    public long insertCorrection(long corrects, Long replacement, String reason, String by, Instant at) {
        return ((Number) em.createNativeQuery("insert into link_correction (corrects, replacement, reason, "
                + "corrected_by, at) values (?1, ?2, ?3, ?4, ?5) returning id").setParameter(1, corrects)
                .setParameter(2, replacement).setParameter(3, reason).setParameter(4, by)
                .setParameter(5, Timestamp.from(at)).getSingleResult()).longValue();
    }

    /**
     * Corrections of the links into a cell or material lot: correction id, corrected link, its parent lot,
     * replacement link, its parent lot, reason, by, at.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> corrections(String childKind, String childId) {
        return em.createNativeQuery("""
                select c.id, c.corrects, o.parent_lot, c.replacement, r.parent_lot, c.reason, c.corrected_by, c.at
                  from link_correction c join link o on o.id = c.corrects left join link r on r.id = c.replacement
                 where o.child_kind = ?1 and o.child_id = ?2 order by c.at, c.id""")
                .setParameter(1, childKind).setParameter(2, childId).getResultList();
    }

    public void upsertProduct(String code, String stage) {
        em.createNativeQuery("insert into product (code, stage) values (?1, ?2) "
                + "on conflict (code) do update set stage = excluded.stage").setParameter(1, code)
                .setParameter(2, stage).executeUpdate();
    }

    /** A unit.started: a new run of the operation on the unit. */
    public void startOperation(String unitKind, String unitId, String operation, String equipment,
            String parametersJson, Instant at) {
        em.createNativeQuery("insert into unit_operation (unit_kind, unit_id, operation, equipment, started_at, "
                + "parameters) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))").setParameter(1, unitKind)
                .setParameter(2, unitId).setParameter(3, operation).setParameter(4, equipment)
                .setParameter(5, Timestamp.from(at)).setParameter(6, parametersJson).executeUpdate();
    }

    /** A unit.completed closes the open run (its parameters added to the start's), or stands alone if none. */
    public void completeOperation(String unitKind, String unitId, String operation, String equipment,
            String parametersJson, Instant at) {
        int closed = em.createNativeQuery("""
                update unit_operation set completed_at = ?5, parameters = parameters || cast(?6 as jsonb)
                 where id = (select id from unit_operation where unit_kind = ?1 and unit_id = ?2 and operation = ?3
                                and equipment = ?4 and completed_at is null order by started_at desc limit 1)""")
                .setParameter(1, unitKind).setParameter(2, unitId).setParameter(3, operation)
                .setParameter(4, equipment).setParameter(5, Timestamp.from(at)).setParameter(6, parametersJson)
                .executeUpdate();
        if (closed == 0) {
            em.createNativeQuery("insert into unit_operation (unit_kind, unit_id, operation, equipment, completed_at, "
                    + "parameters) values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))").setParameter(1, unitKind)
                    .setParameter(2, unitId).setParameter(3, operation).setParameter(4, equipment)
                    .setParameter(5, Timestamp.from(at)).setParameter(6, parametersJson).executeUpdate();
        }
    }

    /**
     * What ran on a cell and on its production lot, in time order: unit kind, operation, equipment, started,
     * completed, parameters (JSON text).
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> operations(String serial, String lot) {
        return em.createNativeQuery("""
                select unit_kind, operation, equipment, started_at, completed_at, cast(parameters as text)
                  from unit_operation
                 where (unit_kind = 'CELL' and unit_id = ?1) or (unit_kind = 'LOT' and unit_id = ?2)
                 order by coalesce(started_at, completed_at), id""")
                .setParameter(1, serial).setParameter(2, lot).getResultList();
    }

    /** Cells of a production lot move together when work-orders decides the lot. @return cells changed */
    public int setCellStatusOfLot(String lot, String from, String to) {
        return em.createNativeQuery("update cell set status = ?3 where lot = ?1 and status = ?2")
                .setParameter(1, lot).setParameter(2, from).setParameter(3, to).executeUpdate();
    }

    public void addUnitHold(String type, String id, long hold, String reason, java.time.Instant at) {
        em.createNativeQuery("insert into unit_hold (item_type, item_id, hold_id, reason, placed_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing").setParameter(1, type).setParameter(2, id)
                .setParameter(3, hold).setParameter(4, reason).setParameter(5, Timestamp.from(at)).executeUpdate();
    }

    public void removeUnitHold(String type, String id, long hold) {
        em.createNativeQuery("delete from unit_hold where item_type = ?1 and item_id = ?2 and hold_id = ?3")
                .setParameter(1, type).setParameter(2, id).setParameter(3, hold).executeUpdate();
    }

    /** Of these cells, those held themselves or through their lot: serial, the hold's reason. */
    @SuppressWarnings("unchecked")
    public List<Object[]> heldCells(List<String> serials) {
        return em.createNativeQuery("""
                select c.serial, coalesce(h.reason, 'on hold') from cell c
                  join unit_hold h on (h.item_type = 'CELL' and h.item_id = c.serial)
                                   or (h.item_type = 'LOT' and h.item_id = c.lot)
                 where c.serial = any (?1) order by c.serial, h.hold_id""")
                .setParameter(1, serials.toArray(String[]::new)).getResultList();
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

    /**
     * A cell's row: serial, lot, work order, product, equipment, status, created_at, stage, parameters (JSON text),
     * module, current operation (the latest run on the cell or its lot), open holds' reasons (JSON array text).
     */
    private static final String CELL_ROW = """
            select c.serial, c.lot, p.work_order, p.product, c.equipment, c.status, c.created_at, pr.stage,
                   cast(c.parameters as text), m.module,
                   (select o.operation from unit_operation o
                     where (o.unit_kind = 'CELL' and o.unit_id = c.serial) or (o.unit_kind = 'LOT' and o.unit_id = c.lot)
                     order by coalesce(o.started_at, o.completed_at) desc, o.id desc limit 1),
                   (select cast(json_agg(coalesce(h.reason, 'on hold') order by h.hold_id) as text)
                      from unit_hold h where (h.item_type = 'CELL' and h.item_id = c.serial)
                                          or (h.item_type = 'LOT' and h.item_id = c.lot))
              from cell c left join production_lot p on p.lot = c.lot left join product pr on pr.code = p.product
              left join module_cell m on m.cell = c.serial
            """;

    /** A cell as {@link #CELL_ROW}; empty when unknown. */
    public Optional<Object[]> cell(String serial) {
        List<?> rows = em.createNativeQuery(CELL_ROW + " where c.serial = ?1").setParameter(1, serial)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    /** A page of a production lot's cells by serial, as {@link #CELL_ROW}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> cellsOfLot(String lot, int offset, int limit) {
        return em.createNativeQuery(CELL_ROW + " where c.lot = ?1 order by c.serial offset ?2 limit ?3")
                .setParameter(1, lot).setParameter(2, offset).setParameter(3, limit).getResultList();
    }

    public long countCellsOfLot(String lot) {
        return ((Number) em.createNativeQuery("select count(*) from cell where lot = ?1").setParameter(1, lot)
                .getSingleResult()).longValue();
    }

    /** Whether work-orders announced the lot or a cell of it was stacked. */
    public boolean productionLotKnown(String lot) {
        return !em.createNativeQuery("select 1 from production_lot where lot = ?1 union all "
                + "select 1 from cell where lot = ?1 limit 1").setParameter(1, lot).getResultList().isEmpty();
    }

    /**
     * A page of the cells whose serial starts with the prefix, by serial, as {@link #CELL_ROW}. Serials compare byte
     * by byte (collation "C", index cell_serial_c) whatever the database's collation, so the prefix is a range scan.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> cellsBySerialPrefix(String prefix, int offset, int limit) {
        return em.createNativeQuery(CELL_ROW + " where (c.serial collate \"C\") like ?1 "
                + "order by (c.serial collate \"C\") offset ?2 limit ?3").setParameter(1, likePrefix(prefix))
                .setParameter(2, offset).setParameter(3, limit).getResultList();
    }

    public long countCellsBySerialPrefix(String prefix) {
        return ((Number) em.createNativeQuery("select count(*) from cell where (serial collate \"C\") like ?1")
                .setParameter(1, likePrefix(prefix)).getSingleResult()).longValue();
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * A page of material lots as {@link #materialLotRows}, soonest expiry first, then oldest. An empty filter does not
     * narrow the list.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> materialLots(MaterialLotFilter filter, int offset, int limit) {
        return materialLotQuery("""
                select id, material_type, kind, quantity, received_quantity, unit, supplier, supplier_lot, expires_on,
                       cast(certificate as text), status, equipment, created_at
                  from material_lot""", " order by expires_on nulls last, created_at, id offset :offset limit :limit",
                filter).setParameter("offset", offset).setParameter("limit", limit).getResultList();
    }

    public long countMaterialLots(MaterialLotFilter filter) {
        return ((Number) materialLotQuery("select count(*) from material_lot", "", filter).getSingleResult())
                .longValue();
    }

    private jakarta.persistence.Query materialLotQuery(String select, String tail, MaterialLotFilter f) {
        StringBuilder where = new StringBuilder(" where true");
        if (!f.statuses().isEmpty()) {
            where.append(" and status = any (:statuses)");
        }
        if (f.materialType() != null) {
            where.append(" and material_type = :type");
        }
        if (f.kind() != null) {
            where.append(" and kind = :kind");
        }
        if (f.usable()) {
            where.append(" and status = 'AVAILABLE' and exposure_exceeded_at is null"
                    + " and (expires_on is null or expires_on >= current_date)");
        }
        jakarta.persistence.Query q = em.createNativeQuery(select + where + tail);
        if (!f.statuses().isEmpty()) {
            q.setParameter("statuses", f.statuses().toArray(String[]::new));
        }
        if (f.materialType() != null) {
            q.setParameter("type", f.materialType());
        }
        if (f.kind() != null) {
            q.setParameter("kind", f.kind());
        }
        return q;
    }

    /**
     * Which material lots a list shows: statuses (empty: any), material type and kind (null: any); usable: only lots
     * that may be consumed today (available, not expired, exposure clock not exceeded).
     */
    public record MaterialLotFilter(List<String> statuses, String materialType, String kind, boolean usable) {
    }

    /**
     * Every link upstream of a cell or material lot, nearest first, each once (at its shortest depth), with the lot
     * that went in: link id, lot id, depth, child it went into, quantity, unit, equipment, time, range from/to,
     * operation, recorded by, the lot's material type, kind, supplier, supplier lot. One statement: a trace is one
     * round trip.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> upstream(String childKind, String childId) {
        return em.createNativeQuery(BACKWARD)
                .setParameter(1, childKind).setParameter(2, childId).setParameter(3, MAX_DEPTH).getResultList();
    }

    /**
     * Material lots for reading only, without loading entities (a trace lists a dozen, and entities cost a JSON
     * parse and a dirty check each): id, type, kind, quantity, received, unit, supplier, supplier lot, expires on,
     * certificate (JSON text), status, equipment, created at.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> materialLotRows(List<String> ids) {
        return ids.isEmpty() ? List.of() : em.createNativeQuery("""
                select id, material_type, kind, quantity, received_quantity, unit, supplier, supplier_lot, expires_on,
                       cast(certificate as text), status, equipment, created_at
                  from material_lot where id = any (?1) order by id""")
                .setParameter(1, ids.toArray(String[]::new)).getResultList();
    }

    /**
     * Where a material lot went, up to maxDepth steps, in one statement: rows of (kind, id, depth, work order,
     * product, lot). Kinds: MATERIAL_LOT (every intermediate lot), LOT (every production lot reached: booked into
     * directly or holding a reached cell), CELL (one page of the reached cells, nearest first, then by serial) and one
     * TOTAL row whose depth is the number of cells in all.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> downstream(String materialLot, int maxDepth, int offset, int limit) {
        // a lot that fed 100,000 cells groups about a million links: in memory, not spilled to disk
        em.createNativeQuery("select set_config('work_mem', '" + FORWARD_WORK_MEM + "', true)").getSingleResult();
        return em.createNativeQuery(FORWARD)
                .setParameter(1, materialLot).setParameter(2, Math.min(maxDepth, MAX_DEPTH)).setParameter(3, offset)
                .setParameter(4, limit).getResultList();
    }
}
