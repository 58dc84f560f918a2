package org.pilotline.mes.workorders.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import org.pilotline.mes.workorders.domain.LotFilter;
import org.pilotline.mes.workorders.domain.RoutingStatus;
import org.pilotline.mes.workorders.domain.WorkOrderFilter;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

/** Data access of the work-orders service, one repository per aggregate. */
public final class Repositories {

    private Repositories() {
    }

    @ApplicationScoped
    public static class Products implements PanacheRepository<ProductEntity> {
        public Optional<ProductEntity> byCode(String code) {
            return find("code", code).firstResultOptional();
        }
    }

    @ApplicationScoped
    public static class Routings implements PanacheRepository<RoutingEntity> {
        public Optional<RoutingEntity> byCodeAndVersion(String code, int version) {
            return find("code = ?1 and version = ?2", code, version).firstResultOptional();
        }

        public int latestVersion(String code) {
            Integer v = getEntityManager().createQuery("select max(r.version) from RoutingEntity r where r.code = :c",
                    Integer.class).setParameter("c", code).getSingleResult();
            return v == null ? 0 : v;
        }

        public Optional<RoutingEntity> releasedFor(ProductEntity product) {
            return find("product = ?1 and status = ?2", product, RoutingStatus.RELEASED).firstResultOptional();
        }

        public List<RoutingEntity> ofCode(String code) {
            return list("code = ?1 order by version", code);
        }
    }

    @ApplicationScoped
    public static class WorkOrders implements PanacheRepository<WorkOrderEntity> {
        public Optional<WorkOrderEntity> byNumber(String number) {
            return find("number", number).firstResultOptional();
        }

        /** Most urgent first: priority (1 first), then the oldest. */
        public List<WorkOrderEntity> page(WorkOrderFilter filter, int page, int size) {
            return find(where(filter) + " order by priority, createdAt", parameters(filter)).page(page, size).list();
        }

        public long count(WorkOrderFilter filter) {
            return count(where(filter), parameters(filter));
        }

        private static String where(WorkOrderFilter f) {
            StringBuilder where = new StringBuilder("1 = 1");
            if (!f.states().isEmpty()) {
                where.append(" and state in :states");
            }
            if (f.product() != null) {
                where.append(" and product.code = :product");
            }
            if (f.stage() != null) {
                where.append(" and product.stage = :stage");
            }
            return where.toString();
        }

        private static Parameters parameters(WorkOrderFilter f) {
            Parameters p = new Parameters();
            if (!f.states().isEmpty()) {
                p.and("states", f.states());
            }
            if (f.product() != null) {
                p.and("product", f.product());
            }
            if (f.stage() != null) {
                p.and("stage", f.stage());
            }
            return p;
        }

        public String nextNumber(int year) {
            Number n = (Number) getEntityManager().createNativeQuery("select nextval('work_order_number_seq')")
                    .getSingleResult();
            return String.format("WO-%d-%05d", year, n.longValue());
        }
    }

    @ApplicationScoped
    public static class Qualifications implements PanacheRepository<QualificationEntity> {
        /** Not revoked and not expired on {@code day}. */
        public boolean holds(String username, String qualification, java.time.LocalDate day) {
            return count("username = ?1 and qualification = ?2 and revokedAt is null "
                    + "and (validUntil is null or validUntil >= ?3)", username, qualification, day) > 0;
        }

        /**
         * By user, then qualification; user and qualification null do not narrow the list; without
         * {@code includeLapsed} only those valid on {@code day} (not revoked, not expired).
         */
        public List<QualificationEntity> page(String username, String qualification, boolean includeLapsed,
                LocalDate day, int page, int size) {
            return find(where(username, qualification, includeLapsed) + " order by username, qualification, id",
                    parameters(username, qualification, includeLapsed, day)).page(page, size).list();
        }

        public long count(String username, String qualification, boolean includeLapsed, LocalDate day) {
            return count(where(username, qualification, includeLapsed),
                    parameters(username, qualification, includeLapsed, day));
        }

        private static String where(String username, String qualification, boolean includeLapsed) {
            StringBuilder where = new StringBuilder("1 = 1");
            if (username != null) {
                where.append(" and username = :user");
            }
            if (qualification != null) {
                where.append(" and qualification = :qualification");
            }
            if (!includeLapsed) {
                where.append(" and revokedAt is null and (validUntil is null or validUntil >= :day)");
            }
            return where.toString();
        }

        private static Parameters parameters(String username, String qualification, boolean includeLapsed,
                LocalDate day) {
            Parameters p = new Parameters();
            if (username != null) {
                p.and("user", username);
            }
            if (qualification != null) {
                p.and("qualification", qualification);
            }
            if (!includeLapsed) {
                p.and("day", day);
            }
            return p;
        }
    }

    @ApplicationScoped
    public static class OperationRuns implements PanacheRepository<OperationRunEntity> {
        /** Every run of the lot: the lot's own and its cells'. */
        public List<OperationRunEntity> ofLot(LotEntity lot) {
            return list("lot = ?1 order by sequence, id", lot);
        }
    }

    @ApplicationScoped
    public static class OperationPauses implements PanacheRepository<OperationPauseEntity> {
        public Optional<OperationPauseEntity> openOf(OperationRunEntity run) {
            return find("run = ?1 and resumedAt is null", run).firstResultOptional();
        }
    }

    @ApplicationScoped
    public static class Lots implements PanacheRepository<LotEntity> {
        public Optional<LotEntity> byNumber(String lotNumber) {
            return find("lotNumber", lotNumber).firstResultOptional();
        }

        public List<LotEntity> ofWorkOrder(WorkOrderEntity wo) {
            return list("workOrder = ?1 order by lotNumber", wo);
        }

        /** Lots across work orders, most urgent first: priority, due date (none last), lot; with order and product. */
        public List<LotEntity> page(LotFilter filter, int offset, int limit) {
            TypedQuery<LotEntity> q = getEntityManager().createQuery("select l from LotEntity l "
                    + "join fetch l.workOrder w join fetch w.product p where " + where(filter)
                    + " order by w.priority, w.dueDate nulls last, l.lotNumber", LotEntity.class);
            bind(q, filter);
            return q.setFirstResult(offset).setMaxResults(limit).getResultList();
        }

        public long count(LotFilter filter) {
            TypedQuery<Long> q = getEntityManager().createQuery("select count(l) from LotEntity l "
                    + "join l.workOrder w join w.product p where " + where(filter), Long.class);
            bind(q, filter);
            return q.getSingleResult();
        }

        private static String where(LotFilter f) {
            StringBuilder where = new StringBuilder("1 = 1");
            if (!f.states().isEmpty()) {
                where.append(" and l.state in :states");
            }
            if (f.workOrder() != null) {
                where.append(" and w.number = :workOrder");
            }
            if (f.product() != null) {
                where.append(" and p.code = :product");
            }
            if (f.stage() != null) {
                where.append(" and p.stage = :stage");
            }
            return where.toString();
        }

        private static void bind(TypedQuery<?> q, LotFilter f) {
            if (!f.states().isEmpty()) {
                q.setParameter("states", f.states());
            }
            if (f.workOrder() != null) {
                q.setParameter("workOrder", f.workOrder());
            }
            if (f.product() != null) {
                q.setParameter("product", f.product());
            }
            if (f.stage() != null) {
                q.setParameter("stage", f.stage());
            }
        }
    }
}
