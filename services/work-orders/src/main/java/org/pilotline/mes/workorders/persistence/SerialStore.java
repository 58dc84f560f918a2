package org.pilotline.mes.workorders.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The serial counter and the blocks given to lots. */
@ApplicationScoped
public class SerialStore {

    private final EntityManager em;

    SerialStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Takes {@code count} numbers from the counter and returns the first. The row lock of the update makes
     * concurrent allocations queue, so blocks never overlap.
     */
    public long take(int count) {
        Number last = (Number) em.createNativeQuery(
                "update serial_counter set next_value = next_value + ?1 where id = 1 returning next_value")
                .setParameter(1, count).getSingleResult();
        return last.longValue() - count;
    }

    public void recordBlock(long lotId, long first, long last, String by, String station, Instant at) {
        em.createNativeQuery("insert into serial_block (lot_id, first_value, last_value, allocated_at, "
                + "allocated_by, station) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, lotId).setParameter(2, first).setParameter(3, last)
                .setParameter(4, Timestamp.from(at)).setParameter(5, by).setParameter(6, station).executeUpdate();
    }

    public long allocatedTo(long lotId) {
        return ((Number) em.createNativeQuery("select coalesce(sum(last_value - first_value + 1), 0) "
                + "from serial_block where lot_id = ?1").setParameter(1, lotId).getSingleResult()).longValue();
    }

    /** first, last, allocated_at, allocated_by, station of a lot's blocks, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> blocks(long lotId) {
        return em.createNativeQuery("select first_value, last_value, allocated_at, allocated_by, station "
                + "from serial_block where lot_id = ?1 order by first_value").setParameter(1, lotId).getResultList();
    }

    /** The lot a serial number was given to, if any block holds it. */
    public Optional<Long> lotIdOf(long number) {
        List<?> rows = em.createNativeQuery("select lot_id from serial_block where ?1 between first_value and last_value")
                .setParameter(1, number).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }
}
