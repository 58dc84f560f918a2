package org.pilotline.mes.quality.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** SQL of nonconformance reports and their items. */
@ApplicationScoped
public class NcrStore {

    private static final String COLUMNS = "id, product, defect_code, description, root_cause, status, disposition, "
            + "source, opened_by, opened_at, disposed_by, disposed_at, disposition_reason, disposition_signature, "
            + "version";

    private final EntityManager em;

    NcrStore(EntityManager em) {
        this.em = em;
    }

    public long insert(String product, String defectCode, String description, String source, String by, Instant at) {
        return ((Number) em.createNativeQuery("insert into ncr (product, defect_code, description, source, opened_by, "
                + "opened_at) values (?1, ?2, ?3, ?4, ?5, ?6) returning id").setParameter(1, product)
                .setParameter(2, defectCode).setParameter(3, description).setParameter(4, source)
                .setParameter(5, by).setParameter(6, Timestamp.from(at)).getSingleResult()).longValue();
    }

    public void addItem(long ncr, String type, String id) {
        em.createNativeQuery("insert into ncr_item (ncr, item_type, item_id) values (?1, ?2, ?3) "
                + "on conflict do nothing").setParameter(1, ncr).setParameter(2, type).setParameter(3, id)
                .executeUpdate();
    }

    /** See COLUMNS; locked for the rest of the transaction, so two dispositions cannot both win. */
    public Optional<Object[]> forUpdate(long id) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from ncr where id = ?1 for update")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    public Optional<Object[]> get(long id) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from ncr where id = ?1").setParameter(1, id)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    /** item type, item id of an NCR. */
    @SuppressWarnings("unchecked")
    public List<Object[]> items(long ncr) {
        return em.createNativeQuery("select item_type, item_id from ncr_item where ncr = ?1 order by item_type, "
                + "item_id").setParameter(1, ncr).getResultList();
    }

    public void rootCause(long id, String rootCause) {
        em.createNativeQuery("update ncr set root_cause = ?2, version = version + 1 where id = ?1")
                .setParameter(1, id).setParameter(2, rootCause).executeUpdate();
    }

    public void dispose(long id, String disposition, String by, Instant at, UUID signature, String reason) {
        em.createNativeQuery("update ncr set status = 'DISPOSED', disposition = ?2, disposed_by = ?3, "
                + "disposed_at = ?4, disposition_signature = ?5, disposition_reason = ?6, version = version + 1 "
                + "where id = ?1").setParameter(1, id).setParameter(2, disposition).setParameter(3, by)
                .setParameter(4, Timestamp.from(at)).setParameter(5, signature).setParameter(6, reason)
                .executeUpdate();
    }

    /** NCRs, newest first; any filter may be null. */
    @SuppressWarnings("unchecked")
    public List<Object[]> list(String status, String product, String itemType, String itemId, int offset, int limit) {
        return em.createNativeQuery("select " + COLUMNS + " from ncr n where " + FILTER
                + " order by opened_at desc, id desc offset ?5 limit ?6").setParameter(1, status)
                .setParameter(2, product).setParameter(3, itemType).setParameter(4, itemId).setParameter(5, offset)
                .setParameter(6, limit).getResultList();
    }

    public long count(String status, String product, String itemType, String itemId) {
        return ((Number) em.createNativeQuery("select count(*) from ncr n where " + FILTER).setParameter(1, status)
                .setParameter(2, product).setParameter(3, itemType).setParameter(4, itemId).getSingleResult())
                .longValue();
    }

    private static final String FILTER = "(cast(?1 as text) is null or n.status = cast(?1 as text)) "
            + "and (cast(?2 as text) is null or n.product = cast(?2 as text)) "
            + "and (cast(?4 as text) is null or exists (select 1 from ncr_item i where i.ncr = n.id "
            + "and i.item_type = cast(?3 as text) and i.item_id = cast(?4 as text)))";

    /**
     * Open NCRs that name the lot or any of its cells, with each item they name of it: id, defect code, description,
     * item type, item id.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> openOnLot(String lot) {
        return em.createNativeQuery("select n.id, n.defect_code, n.description, i.item_type, i.item_id from ncr n "
                + "join ncr_item i on i.ncr = n.id where n.status = 'OPEN' and ((i.item_type = 'LOT' and i.item_id = ?1) "
                + "or (i.item_type = 'CELL' and i.item_id in (select cell from cell_lot where lot = ?1))) "
                + "order by n.id").setParameter(1, lot).getResultList();
    }

    /** Count per defect code of NCRs opened in the period (product may be null): code, count, most first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> pareto(String product, Instant from, Instant to) {
        return em.createNativeQuery("select defect_code, count(*) from ncr where (cast(?1 as text) is null "
                + "or product = cast(?1 as text)) and opened_at >= ?2 and opened_at < ?3 group by defect_code "
                + "order by count(*) desc, defect_code").setParameter(1, product).setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to)).getResultList();
    }
}
