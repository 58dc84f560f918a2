package org.pilotline.mes.workorders.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.workorders.api.QualificationApi.GrantQualification;
import org.pilotline.mes.workorders.api.QualificationApi.QualificationView;
import org.pilotline.mes.workorders.persistence.QualificationEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Qualifications;

/** The training records: who may run operations that ask for a qualification. */
@ApplicationScoped
public class QualificationService {

    private final Qualifications qualifications;
    private final AuditTrail audit;

    QualificationService(Qualifications qualifications, AuditTrail audit) {
        this.qualifications = qualifications;
        this.audit = audit;
    }

    @Transactional
    public QualificationView grant(GrantQualification req, Actor actor) {
        QualificationEntity q = new QualificationEntity();
        q.username = req.user();
        q.qualification = req.qualification();
        q.validUntil = req.validUntil();
        q.grantedBy = actor.name();
        q.grantedAt = Instant.now();
        qualifications.persist(q);
        QualificationView view = view(q);
        audit.record(actor, "qualification.granted", "operator", q.username, null, view, null);
        return view;
    }

    @Transactional
    public void revoke(long id, Actor actor) {
        QualificationEntity q = qualifications.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Qualification", Long.toString(id)));
        if (q.revokedAt != null) {
            throw ProblemException.conflict("qualification-revoked", "Qualification " + id + " is already revoked");
        }
        q.revokedAt = Instant.now();
        q.revokedBy = actor.name();
        audit.record(actor, "qualification.revoked", "operator", q.username, view(q),
                Map.of("revokedAt", q.revokedAt.toString()), null);
    }

    /**
     * Training records by user, then qualification; user or qualification null: everyone's, every qualification.
     * Only those valid today unless {@code includeLapsed} (then expired and revoked ones too).
     */
    public List<QualificationView> list(String user, String qualification, boolean includeLapsed, int page,
            int size) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return qualifications.page(user, qualification, includeLapsed, today, page, size).stream()
                .map(QualificationService::view).toList();
    }

    public long count(String user, String qualification, boolean includeLapsed) {
        return qualifications.count(user, qualification, includeLapsed, LocalDate.now(ZoneOffset.UTC));
    }

    /** A person must hold the operation's qualification today; equipment (a device) needs none. */
    public void requireFor(Actor actor, String qualification) {
        if (qualification == null || actor.id().startsWith("device:")) {
            return;
        }
        if (!qualifications.holds(actor.name(), qualification, LocalDate.now(ZoneOffset.UTC))) {
            throw ProblemException.conflict("operator-not-qualified", actor.name() + " holds no valid "
                    + qualification + " qualification, which this operation requires");
        }
    }

    static QualificationView view(QualificationEntity q) {
        String state = q.revokedAt != null ? "REVOKED"
                : q.validUntil != null && q.validUntil.isBefore(LocalDate.now(ZoneOffset.UTC)) ? "EXPIRED" : "VALID";
        return new QualificationView(q.id, q.username, q.qualification, q.validUntil, q.grantedBy, q.grantedAt, state,
                q.revokedAt, q.revokedBy);
    }
}
