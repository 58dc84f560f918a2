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

    public List<QualificationView> of(String user) {
        return qualifications.ofUser(user).stream().map(QualificationService::view).toList();
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
        return new QualificationView(q.id, q.username, q.qualification, q.validUntil, q.grantedBy, q.grantedAt);
    }
}
