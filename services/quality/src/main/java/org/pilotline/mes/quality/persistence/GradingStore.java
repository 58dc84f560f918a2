package org.pilotline.mes.quality.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** SQL of grade bins, process limits and cells' grading results. */
@ApplicationScoped
public class GradingStore {

    private final EntityManager em;

    GradingStore(EntityManager em) {
        this.em = em;
    }

    public void deleteBins(String product) {
        em.createNativeQuery("delete from grade_bin where product = ?1").setParameter(1, product).executeUpdate();
    }

    public void addBin(String product, String grade, int rank, BigDecimal capMin, BigDecimal capMax,
            BigDecimal acirMax, BigDecimal kMax, BigDecimal ocvMin, BigDecimal ocvMax) {
        em.createNativeQuery("insert into grade_bin (product, grade, rank, capacity_min, capacity_max, acir_max, "
                + "k_value_max, ocv_min, ocv_max) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, product).setParameter(2, grade).setParameter(3, rank).setParameter(4, capMin)
                .setParameter(5, capMax).setParameter(6, acirMax).setParameter(7, kMax).setParameter(8, ocvMin)
                .setParameter(9, ocvMax).executeUpdate();
    }

    /** grade, capacity min, max, ACIR max, K max, OCV min, max; best first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> bins(String product) {
        return em.createNativeQuery("select grade, capacity_min, capacity_max, acir_max, k_value_max, ocv_min, ocv_max "
                + "from grade_bin where product = ?1 order by rank").setParameter(1, product).getResultList();
    }

    public void upsertProcessLimit(String product, String operation, String parameter, String unit, BigDecimal lower,
            BigDecimal upper) {
        em.createNativeQuery("insert into process_limit (product, operation, parameter, unit, lower_limit, "
                + "upper_limit) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (product, operation, parameter) do update "
                + "set unit = excluded.unit, lower_limit = excluded.lower_limit, upper_limit = excluded.upper_limit")
                .setParameter(1, product).setParameter(2, operation).setParameter(3, parameter).setParameter(4, unit)
                .setParameter(5, lower).setParameter(6, upper).executeUpdate();
    }

    /** unit, lower, upper of a process parameter of the product's routing, by parameter code (any operation). */
    public Optional<Object[]> processLimit(String product, String parameter) {
        List<?> rows = em.createNativeQuery("select unit, lower_limit, upper_limit from process_limit "
                + "where product = ?1 and parameter = ?2 order by operation limit 1").setParameter(1, product)
                .setParameter(2, parameter).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    public void insert(String cell, String lot, String product, String cycler, BigDecimal ocv1, Instant ocv1At,
            BigDecimal ocv2, Instant ocv2At, double k, BigDecimal acir, BigDecimal capacity, BigDecimal pMin,
            BigDecimal pMax, String pressureLogJson, String grade, Long ncr, String verdict, String reasonsJson,
            String by, Instant at) {
        em.createNativeQuery("insert into cell_grading (cell, lot, product, cycler, ocv1_v, ocv1_at, ocv2_v, ocv2_at, "
                + "k_value, acir_mohm, capacity_ah, pressure_min_mpa, pressure_max_mpa, pressure_log, grade, ncr, "
                + "verdict, reasons, imported_by, imported_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                + "?12, ?13, cast(?14 as jsonb), ?15, ?16, ?17, cast(?18 as jsonb), ?19, ?20)")
                .setParameter(1, cell).setParameter(2, lot).setParameter(3, product).setParameter(4, cycler)
                .setParameter(5, ocv1).setParameter(6, Timestamp.from(ocv1At)).setParameter(7, ocv2)
                .setParameter(8, Timestamp.from(ocv2At)).setParameter(9, BigDecimal.valueOf(k))
                .setParameter(10, acir).setParameter(11, capacity).setParameter(12, pMin).setParameter(13, pMax)
                .setParameter(14, pressureLogJson).setParameter(15, grade).setParameter(16, ncr)
                .setParameter(17, verdict).setParameter(18, reasonsJson).setParameter(19, by)
                .setParameter(20, Timestamp.from(at)).executeUpdate();
    }

    /**
     * grade (null: outside every bin) and count of the product's cells by their latest grading imported in the
     * period (a cell graded again counts once, with its newest grade).
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> gradeCounts(String product, Instant from, Instant to) {
        return em.createNativeQuery("select grade, count(*) from (select distinct on (cell) cell, grade from "
                + "cell_grading where product = ?1 and imported_at >= ?2 and imported_at < ?3 "
                + "order by cell, imported_at desc, id desc) latest group by grade").setParameter(1, product)
                .setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to)).getResultList();
    }
}
