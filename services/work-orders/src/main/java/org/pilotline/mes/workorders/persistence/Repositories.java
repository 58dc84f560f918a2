package org.pilotline.mes.workorders.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.workorders.domain.RoutingStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

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

        public List<QualificationEntity> ofUser(String username) {
            return list("username = ?1 and revokedAt is null order by qualification", username);
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
    }
}
