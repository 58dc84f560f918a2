package org.pilotline.mes.genealogy.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.equipment.MaterialInput;
import org.pilotline.mes.genealogy.api.GenealogyApi.CorrectLink;
import org.pilotline.mes.genealogy.api.GenealogyApi.LinkCorrection;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;

/**
 * Corrects the as-built graph without editing it: a wrong link stays as recorded and a correction record names it
 * (traces then leave it out); the lot it named gets its quantity back; when the right material is known, it is
 * consumed under the usual rules and linked in the same operation, the correction naming that replacement.
 */
@ApplicationScoped
public class LinkCorrections {

    private final GenealogyStore store;
    private final GenealogyService genealogy;
    private final ConsumptionService consumption;
    private final AuditTrail audit;
    private final Outbox outbox;

    LinkCorrections(GenealogyStore store, GenealogyService genealogy, ConsumptionService consumption,
            AuditTrail audit, Outbox outbox) {
        this.store = store;
        this.genealogy = genealogy;
        this.consumption = consumption;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public LinkCorrection correct(long linkId, CorrectLink req, Actor actor) {
        Object[] link = store.link(linkId).orElseThrow(() -> ProblemException.notFound("Link", Long.toString(linkId)));
        if (store.isCorrected(linkId)) {
            throw ProblemException.conflict("link-already-corrected", "link " + linkId + " was corrected already; "
                    + "correct its replacement instead");
        }
        String wrongLot = (String) link[1];
        String childKind = (String) link[2];
        String childId = (String) link[3];
        BigDecimal quantity = (BigDecimal) link[4];
        String unit = (String) link[5];
        String operation = (String) link[6];
        if ((req.quantity() != null || req.unit() != null) && req.materialLot() == null) {
            throw ProblemException.badRequest("replacement-lot-missing",
                    "a quantity or unit belongs to a replacement: name its materialLot");
        }
        if (wrongLot.equals(req.materialLot())) {
            throw ProblemException.badRequest("same-material-lot", "the replacement is the lot being corrected");
        }
        Instant now = Instant.now();
        genealogy.giveBack(wrongLot, quantity, actor, req.reason());
        Long replacement = null;
        if (req.materialLot() != null) {
            BigDecimal q = req.quantity() != null ? req.quantity() : quantity;
            String u = req.unit() != null ? req.unit() : unit;
            consumption.consumeForAPerson(new MaterialInput(req.materialLot(), q, u), actor, now);
            replacement = store.insertManualLink(req.materialLot(), childKind, childId, q, u, actor.name(), operation,
                    "correction-of-" + linkId, now);
        }
        long id = store.insertCorrection(linkId, replacement, req.reason(), actor.name(), now);
        LinkCorrection view = new LinkCorrection(id, linkId, wrongLot, replacement, req.materialLot(), req.reason(),
                actor.name(), now);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("link", linkId);
        before.put("materialLot", wrongLot);
        before.put("into", childId);
        audit.record(actor, "link.corrected", childKind.equals("CELL") ? "cell"
                : childKind.equals("LOT") ? "lot" : "material-lot", childId, before, view, req.reason());
        outbox.publish(EventTypes.Genealogy.LINK_CORRECTED, childId, view);
        return view;
    }
}
