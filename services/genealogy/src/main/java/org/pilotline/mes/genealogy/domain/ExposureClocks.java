package org.pilotline.mes.genealogy.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.EnvironmentExcursion;
import org.pilotline.mes.contracts.events.ExposureExceeded;
import org.pilotline.mes.genealogy.api.GenealogyApi.ExposureView;
import org.pilotline.mes.genealogy.api.GenealogyApi.Transfer;
import org.pilotline.mes.genealogy.persistence.ExposureStore;
import org.pilotline.mes.genealogy.persistence.ExposureStore.Exceeded;
import org.pilotline.mes.genealogy.persistence.ExposureStore.Location;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.genealogy.persistence.MaterialLotEntity;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;

import io.quarkus.scheduler.Scheduled;

/**
 * Exposure clocks of sulfide material: every stay of a lot somewhere is recorded (transfers); time in an AMBIENT
 * place counts, and time in a dry room or glovebox counts while that room is in excursion (from equipment's
 * environment events). When a lot's clock passes the limit of its material type it is flagged, nothing more is
 * taken from it, and material-lot.exposure-exceeded goes to quality. Checked every few seconds, since a lot left
 * in the open crosses its limit with no event at all.
 */
@ApplicationScoped
public class ExposureClocks {

    private final ExposureStore exposure;
    private final GenealogyStore store;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    ExposureClocks(ExposureStore exposure, GenealogyStore store, Inbox inbox, AuditTrail audit, Outbox outbox) {
        this.exposure = exposure;
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Records that the lot moved (at {@code req.at()}, default now, never in the future). */
    @Transactional
    public ExposureView transfer(String materialLot, Transfer req, Actor actor) {
        MaterialLotEntity lot = lot(materialLot);
        Instant now = clock.instant();
        Instant at = req.at() == null ? now : req.at();
        if (at.isAfter(now)) {
            throw ProblemException.badRequest("transfer-in-the-future", "a transfer is recorded when it happened, "
                    + "not before: " + at + " is after now");
        }
        Location from = exposure.current(materialLot).orElse(null);
        if (from != null && at.isBefore(from.since())) {
            throw ProblemException.conflict("transfer-out-of-order", materialLot + " is at " + from.location()
                    + " since " + from.since() + "; a transfer before that cannot be added");
        }
        exposure.moveTo(materialLot, req.location(), req.atmosphere(), at, actor.name());
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("location", req.location());
        to.put("atmosphere", req.atmosphere());
        to.put("at", at);
        audit.record(actor, "material-lot.transferred", "material-lot", materialLot,
                from == null ? null : Map.of("location", from.location(), "atmosphere", from.atmosphere()), to, null);
        return view(lot, now);
    }

    @Transactional
    public ExposureView of(String materialLot) {
        return view(lot(materialLot), clock.instant());
    }

    /** The running clocks, the nearest to their limit first (an exceeded one before all others). */
    @Transactional
    public List<ExposureView> running(int limit) {
        Instant now = clock.instant();
        return exposure.running(now, limit).stream().map(r -> new ExposureView(r.materialLot(), r.materialType(),
                r.at().location(), r.at().atmosphere(), r.at().since(), minutes(r.seconds()), r.limitMinutes(),
                r.exceededAt())).toList();
    }

    @Transactional
    public void putLimit(String materialType, int minutes, String reason, Actor actor) {
        Integer old = exposure.putLimit(materialType, minutes).orElse(null);
        audit.record(actor, old == null ? "exposure-limit.set" : "exposure-limit.changed", "material-type",
                materialType, old == null ? null : Map.of("limitMinutes", old), Map.of("limitMinutes", minutes),
                reason);
    }

    @Transactional
    public List<Object[]> limits() {
        return exposure.limits();
    }

    /** equipment's environment.excursion-started and -ended: the rooms' bad times. */
    @Transactional
    public void onExcursion(String eventId, EnvironmentExcursion e) {
        if (inbox.firstDelivery(eventId)) {
            exposure.excursion(e.equipment(), e.tag(), e.startedAt(), e.endedAt());
        }
    }

    @Scheduled(every = "${genealogy.exposure.check-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkEveryFewSeconds() {
        check();
    }

    /** Flags every lot whose clock passed its limit by now; returns how many. */
    @Transactional
    public int check() {
        Instant now = clock.instant();
        List<Exceeded> exceeded = exposure.exceeded(now);
        for (Exceeded x : exceeded) {
            MaterialLotEntity lot = lot(x.materialLot());
            lot.exposureExceededAt = now;
            double minutes = minutes(x.seconds());
            audit.record(Actor.system("genealogy"), "material-lot.exposure-exceeded", "material-lot", lot.id, null,
                    Map.of("exposedMinutes", minutes, "limitMinutes", x.limitMinutes()),
                    "exposed " + minutes + " min, " + lot.materialType + " allows " + x.limitMinutes());
            outbox.publish(EventTypes.Genealogy.EXPOSURE_EXCEEDED, lot.id, new ExposureExceeded(lot.id,
                    lot.materialType, minutes, x.limitMinutes(), x.location(), now));
        }
        return exceeded.size();
    }

    private ExposureView view(MaterialLotEntity lot, Instant now) {
        Location at = exposure.current(lot.id).orElse(null);
        double minutes = minutes(exposure.exposedSeconds(lot.id, now));
        Integer limit = exposure.limitMinutes(lot.materialType).orElse(null);
        return new ExposureView(lot.id, lot.materialType, at == null ? null : at.location(),
                at == null ? null : at.atmosphere(), at == null ? null : at.since(), minutes, limit,
                lot.exposureExceededAt);
    }

    /** Seconds as the clocks show them: minutes to one decimal. */
    private static double minutes(double seconds) {
        return Math.round(seconds / 6.0) / 10.0;
    }

    private MaterialLotEntity lot(String id) {
        return store.materialLot(id).orElseThrow(() -> ProblemException.notFound("Material lot", id));
    }
}
