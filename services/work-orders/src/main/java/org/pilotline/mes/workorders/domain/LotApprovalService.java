package org.pilotline.mes.workorders.domain;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.LotDecided;
import org.pilotline.mes.contracts.rest.LotDisposition;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.ElectronicSignatures;
import org.pilotline.mes.kit.security.Signature;
import org.pilotline.mes.workorders.api.ApprovalApi.Decision;
import org.pilotline.mes.workorders.api.ApprovalApi.DecisionView;
import org.pilotline.mes.workorders.api.ApprovalApi.LotDecision;
import org.pilotline.mes.workorders.api.ApprovalApi.SignatureView;
import org.pilotline.mes.workorders.client.QualityDispositions;
import org.pilotline.mes.workorders.persistence.LotEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Lots;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Approval or rejection of a lot under an electronic signature. Approval asks quality and fails closed: no answer
 * or "not OK" means no approval. A lot is decided once; of two supervisors deciding at the same time, one wins and
 * the other gets 409 (optimistic locking).
 */
@ApplicationScoped
public class LotApprovalService {

    private static final Logger LOG = Logger.getLogger(LotApprovalService.class);

    private final Lots lots;
    private final QualityDispositions quality;
    private final ElectronicSignatures signatures;
    private final AuditTrail audit;
    private final Outbox outbox;

    LotApprovalService(Lots lots, QualityDispositions quality, ElectronicSignatures signatures, AuditTrail audit,
            Outbox outbox) {
        this.lots = lots;
        this.quality = quality;
        this.signatures = signatures;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public DecisionView decide(String lotNumber, LotDecision decision, SecurityIdentity identity) {
        LotEntity lot = lots.byNumber(lotNumber).orElseThrow(() -> ProblemException.notFound("Lot", lotNumber));
        if (lot.state.isDecided()) {
            throw ProblemException.conflict("lot-already-decided", "Lot " + lotNumber + " is already " + lot.state);
        }
        Actor signer = Actor.of(identity);
        if (signer.id().equals(lot.lastOperationBy)) {
            throw new ProblemException(409, "signer-executed-last-operation", "Four-eyes rule",
                    "You executed the last operation of lot " + lotNumber + "; another supervisor must sign");
        }
        if (decision.decision() == Decision.APPROVE) {
            if (lot.state != LotState.READY) {
                throw ProblemException.conflict("lot-not-ready", "Lot " + lotNumber + " is " + lot.state
                        + ": it can be approved once its last operation is completed (it can be rejected at any time)");
            }
            requireQualityOk(lotNumber, identity);
        }
        Signature sig = signatures.sign(identity, decision.meaning(), decision.reason(), "lot", lotNumber);
        LotState old = lot.state;
        lot.state = decision.decision() == Decision.APPROVE ? LotState.APPROVED : LotState.REJECTED;
        lot.decidedAt = sig.signedAt();
        lot.decisionSignature = sig.id();
        lots.flush(); // a concurrent decision fails here with 409, before anything is published
        audit.record(signer, lot.state == LotState.APPROVED ? "lot.approved" : "lot.rejected", "lot", lotNumber,
                Map.of("state", old.name()), Map.of("state", lot.state.name(), "signature", sig.id().toString()),
                sig.reason());
        outbox.publish(lot.state == LotState.APPROVED ? EventTypes.WorkOrders.LOT_APPROVED
                : EventTypes.WorkOrders.LOT_REJECTED, lotNumber,
                new LotDecided(lotNumber, lot.workOrder.number, lot.state.name(), sig.signerName(), sig.printedName(),
                        sig.meaning(), sig.reason(), sig.signedAt()));
        return new DecisionView(lotNumber, lot.state, view(sig));
    }

    private void requireQualityOk(String lotNumber, SecurityIdentity identity) {
        LotDisposition disposition;
        try {
            String token = ((JsonWebToken) identity.getPrincipal()).getRawToken();
            disposition = quality.of(lotNumber, token);
        } catch (RuntimeException e) {
            LOG.warnf("quality could not answer for lot %s: %s", lotNumber, e.toString());
            throw new ProblemException(503, "quality-unavailable", "Quality cannot answer",
                    "Quality did not answer for lot " + lotNumber + "; approval fails closed, try again later");
        }
        if (disposition == null || !disposition.ok()) {
            List<String> reasons = disposition == null ? List.of("no answer") : disposition.reasons();
            throw new ProblemException(409, "lot-not-ok", "Quality says the lot is not OK",
                    "Lot " + lotNumber + " cannot be approved: " + String.join("; ", reasons), reasons);
        }
    }

    public static SignatureView view(Signature s) {
        return new SignatureView(s.signerId(), s.signerName(), s.printedName(), s.signedAt(), s.meaning(),
                s.reason());
    }
}
