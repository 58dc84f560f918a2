package org.pilotline.mes.quality.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.contracts.events.MeasurementJudged;
import org.pilotline.mes.contracts.events.MeasurementTaken;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.quality.api.QualityApi.CorrectMeasurement;
import org.pilotline.mes.quality.api.QualityApi.EnterMeasurement;
import org.pilotline.mes.quality.api.QualityApi.MeasurementView;
import org.pilotline.mes.quality.domain.PlanService.PlannedCharacteristic;
import org.pilotline.mes.quality.persistence.QualityStore;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Measurements, from equipment's events and from people, each judged on arrival against the plan version then in
 * force (the measurement keeps the version, so a later plan never rewrites a verdict). A correction is a new
 * measurement naming the one it corrects; the original stays. Each judged measurement goes on to the reactions
 * (SPC, consecutive failures, yield). Each event is applied once (inbox on the event id).
 */
@ApplicationScoped
public class InspectionService {

    private final QualityStore store;
    private final PlanService plans;
    private final MeasurementReactions reactions;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Outbox outbox;

    InspectionService(QualityStore store, PlanService plans, MeasurementReactions reactions, Inbox inbox,
            AuditTrail audit, Outbox outbox) {
        this.store = store;
        this.plans = plans;
        this.reactions = reactions;
        this.inbox = inbox;
        this.audit = audit;
        this.outbox = outbox;
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
            if (e.line() != null) {
                store.lotPlace(e.lot(), e.area(), e.line());
            }
        }
    }

    @Transactional
    public void onMeasurement(String eventId, MeasurementTaken m) {
        if (inbox.firstDelivery(eventId)) {
            record(eventId, m.equipment(), m.characteristic(), m.value(), m.unit(), m.cell(), m.lot(),
                    m.materialLot(), m.ts(), "EQUIPMENT", null, null, null,
                    subject(m.cell(), m.lot(), m.characteristic()));
        }
    }

    /**
     * A person's entry: quality always; others when the plan in force names their role for the characteristic and
     * its source is MANUAL.
     */
    @Transactional
    public MeasurementView enter(EnterMeasurement req, SecurityIdentity identity) {
        if ((req.cell() == null) == (req.lot() == null)) {
            throw ProblemException.badRequest("cell-or-lot", "a measurement names a cell or a lot, one of the two");
        }
        Subject subject = subject(req.cell(), req.lot(), req.characteristic());
        if (subject.product() == null) {
            throw ProblemException.notFound(req.cell() != null ? "Cell" : "Lot",
                    req.cell() != null ? req.cell() : req.lot());
        }
        String product = subject.product();
        PlannedCharacteristic planned = subject.planned();
        if (!identity.hasRole(Roles.QUALITY)) {
            boolean allowed = planned != null && "MANUAL".equals(planned.plan().source())
                    && planned.plan().entryRoles().stream().anyMatch(identity::hasRole);
            if (!allowed) {
                throw new ProblemException(403, "not-an-entry-role", "Not yours to enter", "the plan in force for "
                        + product + " does not let your role enter " + req.characteristic() + "; quality may");
            }
        }
        Actor actor = Actor.of(identity);
        Instant at = req.measuredAt() != null ? req.measuredAt() : Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(Instant.now().plusSeconds(60))) {
            throw ProblemException.badRequest("measured-in-the-future", "measuredAt is in the future");
        }
        long id = record("manual-" + UUID.randomUUID(), null, req.characteristic(), req.value(), req.unit(),
                req.cell(), req.lot(), null, at, "MANUAL", actor.name(), null, req.note(), subject);
        MeasurementView view = store.measurement(id).orElseThrow();
        audit.record(actor, "measurement.entered", "measurement", String.valueOf(id), null, view, req.note());
        return view;
    }

    /** A wrong value put right: a new measurement (same item and time) that the original then gives way to. */
    @Transactional
    public MeasurementView correct(long id, CorrectMeasurement req, Actor actor) {
        MeasurementView original = store.measurement(id)
                .orElseThrow(() -> ProblemException.notFound("Measurement", String.valueOf(id)));
        if (store.isCorrected(id)) {
            throw ProblemException.conflict("measurement-already-corrected", "measurement " + id
                    + " was corrected already; correct the correction instead");
        }
        long fixed = record("correction-of-" + id, original.equipment(), original.characteristic(), req.value(),
                req.unit() != null ? req.unit() : original.unit(), original.cell(), original.lot(),
                original.materialLot(), original.measuredAt(), original.source(), actor.name(), id, req.reason(),
                subject(original.cell(), original.lot(), original.characteristic()));
        MeasurementView view = store.measurement(fixed).orElseThrow();
        audit.record(actor, "measurement.corrected", "measurement", String.valueOf(id), original, view,
                req.reason());
        return view;
    }

    /** A cycler's value for grading, judged like any machine's; the caller's transaction. */
    MeasurementView fromCycler(String eventId, String cycler, String characteristic, BigDecimal value, String unit,
            String cell, Instant at) {
        long id = record(eventId, cycler, characteristic, value, unit, cell, null, null, at, "EQUIPMENT", null, null,
                null, subject(cell, null, characteristic));
        return store.measurement(id).orElseThrow();
    }

    /** What a measurement is of: its lot, the lot's product, and the characteristic as the plan in force has it. */
    private record Subject(String lot, String product, PlannedCharacteristic planned) {
    }

    /** Any part may be null: a cell or lot quality does not know, a characteristic the plan does not have. */
    private Subject subject(String cell, String lotGiven, String characteristic) {
        String lot = lotGiven != null ? lotGiven : cell == null ? null : store.lotOfCell(cell).orElse(null);
        String product = lot == null ? null : store.productOfLot(lot).orElse(null);
        return new Subject(lot, product, product == null ? null : plans.inForce(product, characteristic));
    }

    /** Judges and stores one measurement, publishes the verdict and runs the reactions. @return its id */
    private long record(String eventId, String equipment, String characteristic, BigDecimal value, String unit,
            String cell, String lotGiven, String materialLot, Instant at, String source, String enteredBy,
            Long corrects, String note, Subject subject) {
        String lot = subject.lot();
        String product = subject.product();
        PlannedCharacteristic planned = subject.planned();
        BigDecimal lower = planned == null ? null : planned.plan().lowerLimit();
        BigDecimal upper = planned == null ? null : planned.plan().upperLimit();
        Judgement j = Judgement.of(characteristic, value, unit, planned == null ? null : planned.plan().unit(), lower,
                upper);
        if (product == null) {
            j = new Judgement(Judgement.NO_LIMITS, "product of " + (cell != null ? "cell " + cell : "lot " + lotGiven)
                    + " not known to quality when measured");
        }
        long id = store.insertMeasurement(eventId, equipment, characteristic, value, unit, cell, lot, materialLot,
                product, lower, upper, j.verdict(), j.reason(), at, planned == null ? null : planned.version(),
                source, enteredBy, corrects, note);
        outbox.publish(EventTypes.Quality.MEASUREMENT_JUDGED, cell != null ? cell : lot,
                new MeasurementJudged(characteristic, value, unit, j.verdict(), cell, lot, product));
        if (planned != null) {
            reactions.after(product, lot, cell, planned, j.verdict());
        }
        return id;
    }
}
