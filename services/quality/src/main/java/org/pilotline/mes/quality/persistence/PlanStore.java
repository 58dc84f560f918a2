package org.pilotline.mes.quality.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** SQL of inspection plans: versions per product and their characteristics. */
@ApplicationScoped
public class PlanStore {

    static final String ITEM_COLUMNS = "operation, characteristic, name, unit, lower_limit, target, upper_limit, "
            + "control_lower, control_upper, sampling, sample_size, source, tag, entry_roles, cast(reactions as text)";

    private final EntityManager em;

    PlanStore(EntityManager em) {
        this.em = em;
    }

    /** Serialises releases of one product's plan, so that versions are numbered without gaps or twins. */
    public void lock(String product) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('plan:' || ?1))").setParameter(1, product)
                .getSingleResult();
    }

    /** The version in force: product, version, origin, reason, released by, released at, superseded at. */
    public Optional<Object[]> current(String product) {
        return first(em.createNativeQuery("select product, version, origin, reason, released_by, released_at, "
                + "superseded_at from inspection_plan where product = ?1 and superseded_at is null")
                .setParameter(1, product).getResultList());
    }

    public Optional<Object[]> version(String product, int version) {
        return first(em.createNativeQuery("select product, version, origin, reason, released_by, released_at, "
                + "superseded_at from inspection_plan where product = ?1 and version = ?2")
                .setParameter(1, product).setParameter(2, version).getResultList());
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> versions(String product) {
        return em.createNativeQuery("select product, version, origin, reason, released_by, released_at, "
                + "superseded_at from inspection_plan where product = ?1 order by version desc")
                .setParameter(1, product).getResultList();
    }

    /** The characteristics of a version, in the order released: see {@link #ITEM_COLUMNS}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> items(String product, int version) {
        return em.createNativeQuery("select " + ITEM_COLUMNS + ", routing, routing_version from plan_characteristic "
                + "where product = ?1 and plan_version = ?2 order by id").setParameter(1, product)
                .setParameter(2, version).getResultList();
    }

    /** Supersedes the version in force, if any, and records the next one. @return its number */
    public int nextVersion(String product, String origin, String reason, String by, Instant at) {
        Timestamp t = Timestamp.from(at);
        em.createNativeQuery("update inspection_plan set superseded_at = ?2 where product = ?1 "
                + "and superseded_at is null").setParameter(1, product).setParameter(2, t).executeUpdate();
        em.createNativeQuery("update plan_characteristic set superseded_at = ?2 where product = ?1 "
                + "and superseded_at is null").setParameter(1, product).setParameter(2, t).executeUpdate();
        int version = ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from inspection_plan "
                + "where product = ?1").setParameter(1, product).getSingleResult()).intValue();
        em.createNativeQuery("insert into inspection_plan (product, version, origin, reason, released_by, "
                + "released_at) values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, product).setParameter(2, version)
                .setParameter(3, origin).setParameter(4, reason).setParameter(5, by).setParameter(6, t)
                .executeUpdate();
        return version;
    }

    /** One characteristic of a version; routing and routingVersion name the routing it came from (or null). */
    public void addItem(String product, int version, Instant at, String operation, String code, String name,
            String unit, BigDecimal lower, BigDecimal target, BigDecimal upper, BigDecimal controlLower,
            BigDecimal controlUpper, String sampling, Integer sampleSize, String source, String tag,
            String entryRoles, String reactionsJson, String routing, Integer routingVersion) {
        em.createNativeQuery("insert into plan_characteristic (product, plan_version, valid_from, operation, "
                + "characteristic, name, unit, lower_limit, target, upper_limit, control_lower, control_upper, "
                + "sampling, sample_size, source, tag, entry_roles, reactions, routing, routing_version) values "
                + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, cast(?18 as jsonb), "
                + "?19, ?20)")
                .setParameter(1, product).setParameter(2, version).setParameter(3, Timestamp.from(at))
                .setParameter(4, operation).setParameter(5, code).setParameter(6, name).setParameter(7, unit)
                .setParameter(8, lower).setParameter(9, target).setParameter(10, upper)
                .setParameter(11, controlLower).setParameter(12, controlUpper).setParameter(13, sampling)
                .setParameter(14, sampleSize).setParameter(15, source).setParameter(16, tag)
                .setParameter(17, entryRoles).setParameter(18, reactionsJson).setParameter(19, routing)
                .setParameter(20, routingVersion).executeUpdate();
    }

    /**
     * The characteristic as the version in force has it: {@link #ITEM_COLUMNS}, then the version; empty when the
     * product's plan does not have it.
     */
    public Optional<Object[]> currentItem(String product, String characteristic) {
        return first(em.createNativeQuery("select " + ITEM_COLUMNS + ", plan_version from plan_characteristic "
                + "where product = ?1 and characteristic = ?2 and superseded_at is null order by id limit 1")
                .setParameter(1, product).setParameter(2, characteristic).getResultList());
    }

    private static Optional<Object[]> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }
}
