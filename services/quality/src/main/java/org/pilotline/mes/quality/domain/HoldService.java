package org.pilotline.mes.quality.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.HoldChanged;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.ElectronicSignatures;
import org.pilotline.mes.kit.security.Signature;
import org.pilotline.mes.quality.api.HoldApi.HoldView;
import org.pilotline.mes.quality.api.HoldApi.PlaceHold;
import org.pilotline.mes.quality.api.HoldApi.ReleaseHold;
import org.pilotline.mes.quality.persistence.HoldEntity;
import org.pilotline.mes.quality.persistence.HoldRepository;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Holds: placed on a cell, lot, material lot or equipment by a person, a rule or an event, with a reason; open
 * until the quality role releases them under an electronic signature. An open hold blocks the next operation and
 * the approval of what it covers (a hold on a lot covers its cells).
 */
@ApplicationScoped
public class HoldService {

    public static final String PERSON = "PERSON";
    public static final String RULE = "RULE";
    public static final String EXCURSION = "EXCURSION";
    public static final String EXPOSURE = "EXPOSURE";

    private final HoldRepository holds;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ElectronicSignatures signatures;

    HoldService(HoldRepository holds, AuditTrail audit, Outbox outbox, ElectronicSignatures signatures) {
        this.holds = holds;
        this.audit = audit;
        this.outbox = outbox;
        this.signatures = signatures;
    }

    @Transactional
    public HoldView place(PlaceHold req, String source, Actor actor) {
        HoldEntity h = new HoldEntity();
        h.itemType = req.itemType();
        h.itemId = req.itemId().strip();
        h.reason = req.reason().strip();
        h.source = source;
        h.placedBy = actor.name();
        h.placedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        holds.persist(h);
        holds.flush();
        audit.record(actor, "hold.placed", "hold", h.id.toString(), null, snapshot(h), h.reason);
        outbox.publish(EventTypes.Quality.HOLD_PLACED, h.itemId, event(h, actor));
        return view(h);
    }

    /** Only the quality role, only an open hold, only with a fresh signature; of two releases at once one wins. */
    @Transactional
    public HoldView release(long id, ReleaseHold req, SecurityIdentity identity) {
        HoldEntity h = find(id);
        if (!h.isOpen()) {
            throw ProblemException.conflict("hold-not-open", "Hold " + id + " was released on " + h.releasedAt
                    + " by " + h.releasedBy);
        }
        Map<String, Object> old = snapshot(h);
        Signature sig = signatures.sign(identity, req.meaning(), req.reason(), "hold", String.valueOf(id));
        h.releasedAt = sig.signedAt();
        h.releasedBy = sig.signerName();
        h.releaseSignature = sig.id();
        h.releaseReason = sig.reason();
        try {
            holds.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("hold-not-open", "Hold " + id + " was released at the same moment");
        }
        Actor actor = Actor.of(identity);
        audit.record(actor, "hold.released", "hold", String.valueOf(id), old, snapshot(h), sig.reason());
        outbox.publish(EventTypes.Quality.HOLD_RELEASED, h.itemId, event(h, actor));
        return view(h);
    }

    @Transactional
    public HoldView get(long id) {
        return view(find(id));
    }

    /** Any filter may be null. */
    @Transactional
    public Page<HoldView> list(String itemType, String itemId, Boolean open, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (itemType != null) {
            q.append(" and itemType = :type");
            p.and("type", itemType);
        }
        if (itemId != null) {
            q.append(" and itemId = :item");
            p.and("item", itemId);
        }
        if (open != null) {
            q.append(open ? " and releasedAt is null" : " and releasedAt is not null");
        }
        var query = holds.find(q + " order by placedAt desc, id desc", p);
        List<HoldView> items = query.page(page.page(), page.size()).list().stream().map(HoldService::view).toList();
        return page.result(items, query.count());
    }

    /** Open holds on the lot and on the given cells of it. */
    public List<HoldEntity> openOn(String lot, List<String> cells) {
        return holds.openOnLotOrCells(lot, cells);
    }

    public List<HoldEntity> openOnEquipment(String equipment) {
        return holds.openOn("EQUIPMENT", equipment);
    }

    private HoldEntity find(long id) {
        return holds.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Hold", String.valueOf(id)));
    }

    private static Map<String, Object> snapshot(HoldEntity h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemType", h.itemType);
        m.put("itemId", h.itemId);
        m.put("source", h.source);
        m.put("open", h.isOpen());
        return m;
    }

    private static HoldChanged event(HoldEntity h, Actor by) {
        return new HoldChanged(h.id, h.itemType, h.itemId, h.isOpen() ? h.reason : h.releaseReason, h.source,
                by.name(), h.isOpen() ? h.placedAt : h.releasedAt, h.isOpen());
    }

    public static String describe(HoldEntity h) {
        return "hold " + h.id + " on " + h.itemType.toLowerCase().replace('_', ' ') + " " + h.itemId + " since "
                + h.placedAt + ": " + h.reason;
    }

    private static HoldView view(HoldEntity h) {
        return new HoldView(h.id, h.itemType, h.itemId, h.reason, h.source, h.placedBy, h.placedAt, h.isOpen(),
                h.releasedAt, h.releasedBy, h.releaseReason,
                h.releaseSignature == null ? null : h.releaseSignature.toString());
    }
}
