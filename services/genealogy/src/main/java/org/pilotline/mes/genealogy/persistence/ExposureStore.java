package org.pilotline.mes.genealogy.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.pilotline.mes.kit.persistence.SqlValues;

/** Where material lots are, the excursions of the rooms they were in, and the limits per material type. */
@ApplicationScoped
public class ExposureStore {

    private final EntityManager em;

    ExposureStore(EntityManager em) {
        this.em = em;
    }

    public record Location(String location, String atmosphere, Instant since) {
    }

    /** A lot whose clock passed its limit. */
    public record Exceeded(String materialLot, String materialType, double seconds, int limitMinutes,
            String location) {
    }

    public Optional<Location> current(String materialLot) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select location, atmosphere, since from material_lot_location "
                + "where material_lot = ?1 and until is null").setParameter(1, materialLot).getResultList();
        return rows.stream().findFirst().map(r -> new Location((String) r[0], (String) r[1], SqlValues.instant(r[2])));
    }

    /** Closes the lot's current stay and opens the next. */
    public void moveTo(String materialLot, String location, String atmosphere, Instant at, String by) {
        em.createNativeQuery("update material_lot_location set until = greatest(since, ?2) "
                + "where material_lot = ?1 and until is null").setParameter(1, materialLot)
                .setParameter(2, Timestamp.from(at)).executeUpdate();
        em.createNativeQuery("insert into material_lot_location (material_lot, location, atmosphere, since, "
                + "recorded_by) values (?1, ?2, ?3, ?4, ?5)").setParameter(1, materialLot).setParameter(2, location)
                .setParameter(3, atmosphere).setParameter(4, Timestamp.from(at)).setParameter(5, by).executeUpdate();
    }

    public double exposedSeconds(String materialLot, Instant at) {
        return ((Number) em.createNativeQuery("select exposure_seconds(?1, ?2)").setParameter(1, materialLot)
                .setParameter(2, Timestamp.from(at)).getSingleResult()).doubleValue();
    }

    public Optional<Integer> limitMinutes(String materialType) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select limit_minutes from exposure_limit where material_type = ?1")
                .setParameter(1, materialType).getResultList();
        return rows.stream().findFirst().map(Number::intValue);
    }

    /** @return the previous limit, if any */
    public Optional<Integer> putLimit(String materialType, int minutes) {
        Optional<Integer> old = limitMinutes(materialType);
        em.createNativeQuery("insert into exposure_limit (material_type, limit_minutes) values (?1, ?2) "
                + "on conflict (material_type) do update set limit_minutes = excluded.limit_minutes")
                .setParameter(1, materialType).setParameter(2, minutes).executeUpdate();
        return old;
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> limits() {
        return em.createNativeQuery("select material_type, limit_minutes from exposure_limit order by material_type")
                .getResultList();
    }

    /** Lots still in use whose material has a limit, that have been somewhere, and whose clock passed it by now. */
    @SuppressWarnings("unchecked")
    public List<Exceeded> exceeded(Instant now) {
        List<Object[]> rows = em.createNativeQuery("select id, material_type, seconds, limit_minutes, location from ("
                + "select m.id, m.material_type, exposure_seconds(m.id, ?1) as seconds, l.limit_minutes, "
                + "(select location from material_lot_location x where x.material_lot = m.id and x.until is null) "
                + "as location from material_lot m join exposure_limit l on l.material_type = m.material_type "
                + "where m.exposure_exceeded_at is null and m.status in ('AVAILABLE', 'ON_HOLD') "
                + "and exists (select 1 from material_lot_location x where x.material_lot = m.id)) lots "
                + "where seconds >= limit_minutes * 60").setParameter(1, Timestamp.from(now)).getResultList();
        return rows.stream().map(r -> new Exceeded((String) r[0], (String) r[1], ((Number) r[2]).doubleValue(),
                ((Number) r[3]).intValue(), (String) r[4])).toList();
    }

    /** A running clock: where the lot is since when, its exposure so far, its limit, when it passed it. */
    public record Running(String materialLot, String materialType, Location at, double seconds, int limitMinutes,
            Instant exceededAt) {
    }

    /**
     * The lots whose clock runs (available or held, moved at least once, of a type with a limit), the nearest to
     * their limit first: at most {@code limit} of them, in one query.
     */
    @SuppressWarnings("unchecked")
    public List<Running> running(Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery("select id, material_type, location, atmosphere, since, seconds, "
                + "limit_minutes, exposure_exceeded_at from (select m.id, m.material_type, x.location, x.atmosphere, "
                + "x.since, exposure_seconds(m.id, ?1) as seconds, l.limit_minutes, m.exposure_exceeded_at "
                + "from material_lot m join exposure_limit l on l.material_type = m.material_type "
                + "join material_lot_location x on x.material_lot = m.id and x.until is null "
                + "where m.status in ('AVAILABLE', 'ON_HOLD')) lots "
                + "order by seconds / (limit_minutes * 60.0) desc, id limit ?2").setParameter(1, Timestamp.from(now))
                .setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Running((String) r[0], (String) r[1], new Location((String) r[2],
                (String) r[3], SqlValues.instant(r[4])), ((Number) r[5]).doubleValue(), ((Number) r[6]).intValue(),
                r[7] == null ? null : SqlValues.instant(r[7]))).toList();
    }

    public void excursion(String equipment, String tag, Instant startedAt, Instant endedAt) {
        em.createNativeQuery("insert into environment_excursion (equipment, tag, started_at, ended_at) "
                + "values (?1, ?2, ?3, ?4) on conflict (equipment, tag, started_at) do update "
                + "set ended_at = coalesce(excluded.ended_at, environment_excursion.ended_at)")
                .setParameter(1, equipment).setParameter(2, tag).setParameter(3, Timestamp.from(startedAt))
                .setParameter(4, endedAt == null ? null : Timestamp.from(endedAt)).executeUpdate();
    }
}
