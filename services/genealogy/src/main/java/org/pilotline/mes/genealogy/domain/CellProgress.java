package org.pilotline.mes.genealogy.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.events.LotDecided;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.contracts.events.UnitProgress;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.messaging.RejectedMessage;
import org.pilotline.mes.kit.security.Actor;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where cells are in their life: the stage of their product (routing.released), what ran on them or their lot
 * (unit.started / unit.completed: the current operation, and each run's machine and settings for the as-built
 * record), and their status when work-orders decides their lot (RELEASED or REJECTED).
 */
@ApplicationScoped
public class CellProgress {

    static final String IN_PROCESS = "IN_PROCESS";

    private final GenealogyStore store;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final ObjectMapper json;

    CellProgress(GenealogyStore store, Inbox inbox, AuditTrail audit, ObjectMapper json) {
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public void onRoutingReleased(String eventId, RoutingReleased e) {
        if (inbox.firstDelivery(eventId) && e.stage() != null) {
            store.upsertProduct(e.product(), e.stage());
        }
    }

    @Transactional
    public void onUnitStarted(String eventId, UnitProgress e) {
        record(eventId, e, true);
    }

    @Transactional
    public void onUnitCompleted(String eventId, UnitProgress e) {
        record(eventId, e, false);
    }

    private void record(String eventId, UnitProgress e, boolean started) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (e.operation() == null || (e.cell() == null && e.lot() == null)) {
            throw new RejectedMessage("incomplete-unit-event", "a unit event names its operation and a cell or lot");
        }
        String kind = e.cell() != null ? "CELL" : "LOT";
        String unit = e.cell() != null ? e.cell() : e.lot();
        String parameters = Json.text(json, e.parameters());
        if (started) {
            store.startOperation(kind, unit, e.operation(), e.equipment(), parameters == null ? "{}" : parameters,
                    e.ts());
        } else {
            store.completeOperation(kind, unit, e.operation(), e.equipment(), parameters == null ? "{}" : parameters,
                    e.ts());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("operation", e.operation());
        after.put(started ? "startedAt" : "completedAt", e.ts());
        after.put("parameters", e.parameters() == null ? Map.of() : e.parameters());
        audit.record(Actor.device(e.equipment()), started ? "operation.started" : "operation.completed",
                kind.equals("CELL") ? "cell" : "lot", unit, null, after, null);
    }

    /** A lot's decision moves its cells still in process: approved lots' cells are released, rejected ones not. */
    @Transactional
    public void onLotDecided(String eventId, LotDecided e) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        String status = "APPROVED".equals(e.decision()) ? "RELEASED" : "REJECTED";
        int cells = store.setCellStatusOfLot(e.lot(), IN_PROCESS, status);
        audit.record(Actor.system("work-orders"), "cells.status-changed", "lot", e.lot(),
                Map.of("status", IN_PROCESS), Map.of("status", status, "cells", cells, "signedBy", e.signedBy()),
                e.reason());
    }
}
