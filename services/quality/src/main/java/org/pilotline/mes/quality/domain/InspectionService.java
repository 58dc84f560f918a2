package org.pilotline.mes.quality.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.CharacteristicSpec;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.contracts.events.MeasurementJudged;
import org.pilotline.mes.contracts.events.MeasurementTaken;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.quality.api.QualityApi.PlanCharacteristicView;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * Inspection plans from released routings, and measurements judged against the plan in force when they arrive.
 * Each event is applied once (inbox on the event id).
 */
@ApplicationScoped
public class InspectionService {

    private final QualityStore store;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Outbox outbox;

    InspectionService(QualityStore store, Inbox inbox, AuditTrail audit, Outbox outbox) {
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** A released routing replaces the product's plan: the old characteristics are superseded, not edited. */
    @Transactional
    public void onRoutingReleased(String eventId, RoutingReleased r) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        Instant now = Instant.now();
        List<PlanCharacteristicView> old = plan(r.product());
        store.supersedePlan(r.product(), now);
        for (OperationSpec op : r.operations()) {
            for (CharacteristicSpec c : op.characteristics()) {
                store.addPlanCharacteristic(r.product(), r.routing(), r.version(), op.code(), c, now);
            }
        }
        audit.record(Actor.system(Services.WORK_ORDERS), "plan.replaced", "plan", r.product(), old, plan(r.product()),
                "routing " + r.routing() + " version " + r.version() + " released");
    }

    @Transactional
    public void onLotCreated(String eventId, LotCreated e) {
        if (inbox.firstDelivery(eventId)) {
            store.upsertLot(e.lot(), e.workOrder(), e.product());
        }
    }

    @Transactional
    public void onCellAssembled(String eventId, CellAssembled e) {
        if (inbox.firstDelivery(eventId)) {
            store.upsertCell(e.cell(), e.lot());
        }
    }

    @Transactional
    public void onMeasurement(String eventId, MeasurementTaken m) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        String lot = m.lot() != null ? m.lot() : m.cell() == null ? null : store.lotOfCell(m.cell()).orElse(null);
        String product = lot == null ? null : store.productOfLot(lot).orElse(null);
        Object[] limits = product == null ? null : store.currentLimits(product, m.characteristic()).orElse(null);
        String planUnit = limits == null ? null : (String) limits[0];
        BigDecimal lower = limits == null ? null : (BigDecimal) limits[1];
        BigDecimal upper = limits == null ? null : (BigDecimal) limits[2];
        Judgement j = Judgement.of(m.characteristic(), m.value(), m.unit(), planUnit, lower, upper);
        if (product == null) {
            j = new Judgement(Judgement.NO_LIMITS, "product of " + (m.cell() != null ? "cell " + m.cell()
                    : "lot " + m.lot()) + " not known to quality when measured");
        }
        store.insertMeasurement(eventId, m.equipment(), m.characteristic(), m.value(), m.unit(), m.cell(), lot,
                m.materialLot(), product, lower, upper, j.verdict(), j.reason(), m.ts());
        outbox.publish(EventTypes.Quality.MEASUREMENT_JUDGED, m.cell() != null ? m.cell() : lot,
                new MeasurementJudged(m.characteristic(), m.value(), m.unit(), j.verdict(), m.cell(), lot, product));
    }

    public List<PlanCharacteristicView> plan(String product) {
        return store.currentPlan(product).stream().map(r -> new PlanCharacteristicView((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6],
                (String) r[7], ((Number) r[8]).intValue())).toList();
    }
}
