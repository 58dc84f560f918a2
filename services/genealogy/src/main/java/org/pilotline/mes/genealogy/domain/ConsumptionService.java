package org.pilotline.mes.genealogy.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.equipment.MaterialInput;
import org.pilotline.mes.contracts.events.MaterialConsumed;
import org.pilotline.mes.genealogy.api.GenealogyApi.Consume;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotView;
import org.pilotline.mes.genealogy.api.GenealogyApi.Scrap;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.genealogy.persistence.MaterialLotEntity;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.messaging.RejectedMessage;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;

/**
 * Material taken from a lot outside the events that make something new: an operator's entry (REST) or a
 * machine's {@code material.consumed}, into a production lot or a cell; and scrapping a lot. The same rules as every
 * consumption ({@link GenealogyService#consume}); a refusal is a 409 for a person, a dead letter for a machine.
 */
@ApplicationScoped
public class ConsumptionService {

    /** Refusals a person can act on: 409. An unknown lot is a 404, a wrong unit a 400. */
    private static final Set<String> CONFLICTS = Set.of("material-lot-on-hold", "material-lot-not-available",
            "material-lot-expired", "insufficient-quantity", "exposure-exceeded");

    private final GenealogyService genealogy;
    private final GenealogyStore store;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Outbox outbox;

    ConsumptionService(GenealogyService genealogy, GenealogyStore store, Inbox inbox, AuditTrail audit,
            Outbox outbox) {
        this.genealogy = genealogy;
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public MaterialLotView consume(String materialLot, Consume req, Actor actor) {
        if ((req.lot() == null) == (req.cell() == null)) {
            throw ProblemException.badRequest("lot-or-cell", "name the production lot or the cell it went into");
        }
        Instant now = Instant.now();
        consumeForAPerson(new MaterialInput(materialLot, req.quantity(), req.unit()), actor, now);
        String kind = req.cell() != null ? "CELL" : "LOT";
        String into = req.cell() != null ? req.cell() : req.lot();
        store.insertManualLink(materialLot, kind, into, req.quantity(), req.unit(), actor.name(), req.operation(),
                "manual-" + java.util.UUID.randomUUID(), now);
        MaterialLotView view = genealogy.materialLot(materialLot);
        outbox.publish(EventTypes.Genealogy.MATERIAL_LOT_CONSUMED, materialLot, Map.of("materialLot", materialLot,
                "quantity", req.quantity(), "unit", req.unit(), "into", into, "intoKind", kind, "by", actor.name()));
        return view;
    }

    /** The rules of every consumption; a refusal is an answer a person can read (404, 409 or 400). */
    void consumeForAPerson(MaterialInput in, Actor actor, Instant at) {
        try {
            genealogy.consume(in, actor, at);
        } catch (RejectedMessage refused) {
            if (refused.category().equals("unknown-material-lot")) {
                throw ProblemException.notFound("Material lot", in.materialLot());
            }
            throw CONFLICTS.contains(refused.category()) ? ProblemException.conflict(refused.category(),
                    refused.getMessage()) : ProblemException.badRequest(refused.category(), refused.getMessage());
        }
    }

    /** A machine took material for a lot or a cell. */
    @Transactional
    public void onMaterialConsumed(String eventId, MaterialConsumed e) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        genealogy.consume(new MaterialInput(e.materialLot(), e.quantity(), e.unit()), Actor.device(e.equipment()),
                e.ts());
        String kind = e.cell() != null ? "CELL" : "LOT";
        store.insertLink(e.materialLot(), kind, e.cell() != null ? e.cell() : e.lot(), e.quantity(), e.unit(), null,
                null, e.equipment(), eventId, e.ts(), e.lot());
    }

    @Transactional
    public MaterialLotView scrap(String materialLot, Scrap req, Actor actor) {
        MaterialLotEntity lot = store.materialLot(materialLot)
                .orElseThrow(() -> ProblemException.notFound("Material lot", materialLot));
        if (GenealogyService.SCRAPPED.equals(lot.status) || GenealogyService.CONSUMED.equals(lot.status)) {
            throw ProblemException.conflict("material-lot-not-available", "material lot " + materialLot + " is "
                    + lot.status);
        }
        Map<String, Object> before = Map.of("quantity", lot.quantity, "status", lot.status);
        lot.status = GenealogyService.SCRAPPED;
        audit.record(actor, "material-lot.scrapped", "material-lot", lot.id, before,
                Map.of("quantity", lot.quantity, "status", lot.status), req.reason());
        MaterialLotView view = GenealogyService.view(lot);
        outbox.publish(EventTypes.Genealogy.MATERIAL_LOT_SCRAPPED, lot.id, view);
        return view;
    }
}
