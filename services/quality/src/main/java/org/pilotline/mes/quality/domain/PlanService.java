package org.pilotline.mes.quality.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.CharacteristicSpec;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.quality.api.PlanApi.CharacteristicPlan;
import org.pilotline.mes.quality.api.PlanApi.PlanVersionView;
import org.pilotline.mes.quality.api.PlanApi.Reactions;
import org.pilotline.mes.quality.api.PlanApi.ReleasePlan;
import org.pilotline.mes.quality.persistence.PlanStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Inspection plans, versioned per product. Quality releases a version with every characteristic it is to have; a
 * released routing makes a version too, replacing the characteristics of the routing's operations (with their limits)
 * and keeping quality's settings (sampling, source, control limits, reactions) for the codes that stay. Nothing is
 * edited: a version is superseded by the next.
 */
@ApplicationScoped
public class PlanService {

    private final PlanStore plans;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ObjectMapper json;

    PlanService(PlanStore plans, AuditTrail audit, Outbox outbox, ObjectMapper json) {
        this.plans = plans;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public PlanVersionView current(String product) {
        Object[] v = plans.current(product).orElseThrow(() -> ProblemException.notFound("Plan", product));
        return view(v, items(product, ((Number) v[1]).intValue()));
    }

    @Transactional
    public PlanVersionView version(String product, int version) {
        Object[] v = plans.version(product, version)
                .orElseThrow(() -> ProblemException.notFound("Plan version", product + " " + version));
        return view(v, items(product, version));
    }

    @Transactional
    public List<PlanVersionView> versions(String product) {
        return plans.versions(product).stream().map(v -> view(v, null)).toList();
    }

    /** What a release did: the version in force after it, and whether it is a new one. */
    public record Released(PlanVersionView plan, boolean created) {
    }

    /** A version from quality: checked as a whole; the one before is superseded. The same plan again changes nothing. */
    @Transactional
    public Released release(String product, ReleasePlan req, Actor actor) {
        List<String> problems = problems(req.characteristics());
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-plan", String.join("; ", problems));
        }
        PlanVersionView now = lockedCurrent(product);
        if (now != null && now.characteristics().equals(
                req.characteristics().stream().map(PlanService::withDefaults).toList())) {
            return new Released(now, false); // a seed loaded twice
        }
        return new Released(store(product, now, "quality", req.reason().strip(), req.characteristics(), actor, null,
                null), true);
    }

    /** Locks the product's plan for this transaction and reads the version in force; null without one. */
    private PlanVersionView lockedCurrent(String product) {
        plans.lock(product);
        return plans.current(product).map(v -> view(v, items(product, ((Number) v[1]).intValue()))).orElse(null);
    }

    /** A characteristic with its defaults filled in, as it is stored (and so compares equal to its stored self). */
    private static CharacteristicPlan withDefaults(CharacteristicPlan c) {
        return new CharacteristicPlan(c.operation(), c.code(), c.name(), c.unit(), scaled(c.lowerLimit()),
                scaled(c.target()), scaled(c.upperLimit()), scaled(c.controlLower()), scaled(c.controlUpper()),
                c.sampling() == null ? "EVERY_CELL" : c.sampling(), c.sampleSize(),
                c.source() == null ? "EQUIPMENT" : c.source(), c.tag(),
                c.entryRoles() == null || c.entryRoles().isEmpty() ? List.of("quality") : List.copyOf(c.entryRoles()),
                c.reactions() == null ? Reactions.NONE : c.reactions());
    }

    /** numeric(18, 6), as the database gives it back. */
    private static BigDecimal scaled(BigDecimal v) {
        return v == null ? null : v.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    /**
     * A released routing: each of its characteristics replaces the one of the same code (operation, name, unit and
     * limits from the routing; quality's sampling, source, control limits and reactions kept) or is added. Nothing
     * is removed: a characteristic leaves the plan only when quality releases a version without it.
     */
    void fromRouting(RoutingReleased r) {
        PlanVersionView now = lockedCurrent(r.product());
        Map<String, CharacteristicPlan> next = new LinkedHashMap<>();
        if (now != null) {
            now.characteristics().forEach(c -> next.put(c.code(), c));
        }
        for (OperationSpec op : r.operations()) {
            for (CharacteristicSpec c : op.characteristics()) {
                CharacteristicPlan kept = next.get(c.code());
                next.put(c.code(), kept == null
                        ? new CharacteristicPlan(op.code(), c.code(), c.name(), c.unit(), c.lowerLimit(), c.target(),
                                c.upperLimit(), null, null, null, null, null, null, null, null)
                        : new CharacteristicPlan(op.code(), c.code(), c.name(), c.unit(), c.lowerLimit(), c.target(),
                                c.upperLimit(), kept.controlLower(), kept.controlUpper(), kept.sampling(),
                                kept.sampleSize(), kept.source(), kept.tag(), kept.entryRoles(), kept.reactions()));
            }
        }
        store(r.product(), now, "routing " + r.routing() + " version " + r.version(), null,
                List.copyOf(next.values()), Actor.system(Services.WORK_ORDERS), r.routing(), r.version());
    }

    /** The characteristic as the plan in force has it, with its version; null when the plan does not have it. */
    public PlannedCharacteristic inForce(String product, String characteristic) {
        return plans.currentItem(product, characteristic)
                .map(r -> new PlannedCharacteristic(item(r), ((Number) r[15]).intValue())).orElse(null);
    }

    /** A characteristic of the version in force, and that version's number. */
    public record PlannedCharacteristic(CharacteristicPlan plan, int version) {
    }

    /** Records the next version (the caller holds the product's lock and passes the version it supersedes). */
    private PlanVersionView store(String product, PlanVersionView before, String origin, String reason,
            List<CharacteristicPlan> items, Actor actor, String routing, Integer routingVersion) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int version = plans.nextVersion(product, origin, reason, actor.name(), now);
        for (CharacteristicPlan c : items.stream().map(PlanService::withDefaults).toList()) {
            plans.addItem(product, version, now, c.operation(), c.code(), c.name(), c.unit(), c.lowerLimit(),
                    c.target(), c.upperLimit(), c.controlLower(), c.controlUpper(), c.sampling(), c.sampleSize(),
                    c.source(), c.tag(), String.join(",", c.entryRoles()), text(c.reactions()), routing,
                    routingVersion);
        }
        PlanVersionView after = version(product, version);
        audit.record(actor, "plan.released", "plan", product, before, after, reason == null ? origin : reason);
        outbox.publish(EventTypes.Quality.PLAN_RELEASED, product, Map.of("product", product, "version", version,
                "origin", origin));
        return after;
    }

    /** Every problem of a plan at once, so that quality fixes them in one go. */
    static List<String> problems(List<CharacteristicPlan> items) {
        List<String> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (CharacteristicPlan c : items) {
            if (!codes.add(c.code())) {
                out.add(c.code() + " appears twice");
            }
            if (c.lowerLimit() != null && c.upperLimit() != null && c.lowerLimit().compareTo(c.upperLimit()) >= 0) {
                out.add(c.code() + ": lower limit is not below the upper limit");
            }
            if (c.target() != null && ((c.lowerLimit() != null && c.target().compareTo(c.lowerLimit()) < 0)
                    || (c.upperLimit() != null && c.target().compareTo(c.upperLimit()) > 0))) {
                out.add(c.code() + ": target outside the limits");
            }
            if ((c.controlLower() == null) != (c.controlUpper() == null)) {
                out.add(c.code() + ": control limits come in pairs");
            } else if (c.controlLower() != null && c.controlLower().compareTo(c.controlUpper()) >= 0) {
                out.add(c.code() + ": lower control limit is not below the upper");
            }
            if ("PER_LOT".equals(c.sampling()) && c.sampleSize() == null) {
                out.add(c.code() + ": PER_LOT sampling needs a sampleSize");
            }
            Reactions r = c.reactions();
            if (r != null && Boolean.TRUE.equals(r.holdOnSpcViolation()) && r.nelsonRules() != null
                    && r.nelsonRules().isEmpty()) {
                out.add(c.code() + ": holdOnSpcViolation with no Nelson rules to break");
            }
        }
        return out;
    }

    private List<CharacteristicPlan> items(String product, int version) {
        return plans.items(product, version).stream().map(this::item).toList();
    }

    private CharacteristicPlan item(Object[] r) {
        return new CharacteristicPlan((String) r[0], (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4],
                (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (String) r[9],
                r[10] == null ? null : ((Number) r[10]).intValue(), (String) r[11], (String) r[12],
                Arrays.asList(((String) r[13]).split(",")), reactions((String) r[14]));
    }

    private static PlanVersionView view(Object[] v, List<CharacteristicPlan> items) {
        return new PlanVersionView((String) v[0], ((Number) v[1]).intValue(), (String) v[2], (String) v[3],
                (String) v[4], SqlValues.instant(v[5]),
                SqlValues.instant(v[6]), items);
    }

    private Reactions reactions(String text) {
        try {
            return text == null ? Reactions.NONE : json.readValue(text, Reactions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reactions are not JSON", e);
        }
    }

    private String text(Reactions r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
