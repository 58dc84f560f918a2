package org.pilotline.mes.workorders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.CharacteristicSpec;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.events.ParameterSpec;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.workorders.api.RoutingApi.Characteristic;
import org.pilotline.mes.workorders.api.RoutingApi.CreateRouting;
import org.pilotline.mes.workorders.api.RoutingApi.Operation;
import org.pilotline.mes.workorders.api.RoutingApi.Parameter;
import org.pilotline.mes.workorders.api.RoutingApi.RoutingView;
import org.pilotline.mes.workorders.persistence.ProductEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Products;
import org.pilotline.mes.workorders.persistence.Repositories.Routings;
import org.pilotline.mes.workorders.persistence.RoutingEntity;

/** Versioned routings: a new version starts as a draft; releasing it makes it immutable and obsoletes the last. */
@ApplicationScoped
public class RoutingService {

    private final Routings routings;
    private final Products products;
    private final AuditTrail audit;
    private final Outbox outbox;

    RoutingService(Routings routings, Products products, AuditTrail audit, Outbox outbox) {
        this.routings = routings;
        this.products = products;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public RoutingView createVersion(CreateRouting req, Actor actor) {
        ProductEntity product = products.byCode(req.product()).orElseThrow(
                () -> ProblemException.badRequest("unknown-product", "Product " + req.product() + " does not exist"));
        List<RoutingEntity> existing = routings.ofCode(req.code());
        if (!existing.isEmpty() && !existing.get(0).product.id.equals(product.id)) {
            throw ProblemException.conflict("routing-product-mismatch",
                    "Routing " + req.code() + " belongs to product " + existing.get(0).product.code);
        }
        RoutingEntity r = new RoutingEntity();
        r.code = req.code();
        r.version = routings.latestVersion(req.code()) + 1;
        r.product = product;
        r.status = RoutingStatus.DRAFT;
        r.operations = operations(req.operations());
        r.createdAt = Instant.now();
        routings.persist(r);
        RoutingView view = view(r);
        audit.record(actor, "routing.created", "routing", key(r), null, view, null);
        return view;
    }

    @Transactional
    public RoutingView release(String code, int version, Actor actor) {
        RoutingEntity r = find(code, version);
        if (r.status != RoutingStatus.DRAFT) {
            throw ProblemException.conflict("routing-not-draft",
                    "Routing " + key(r) + " is " + r.status + "; only a draft can be released");
        }
        routings.releasedFor(r.product).ifPresent(previous -> {
            previous.status = RoutingStatus.OBSOLETE;
            routings.flush(); // one released version per product, enforced by a unique index
            audit.record(actor, "routing.obsoleted", "routing", key(previous), Map.of("status", "RELEASED"),
                    Map.of("status", "OBSOLETE"), "superseded by version " + version);
        });
        r.status = RoutingStatus.RELEASED;
        r.releasedAt = Instant.now();
        audit.record(actor, "routing.released", "routing", key(r), Map.of("status", "DRAFT"),
                Map.of("status", "RELEASED"), null);
        outbox.publish(EventTypes.WorkOrders.ROUTING_RELEASED, r.product.code,
                new RoutingReleased(r.product.code, r.product.stage.name(), r.code, r.version, r.operations));
        return view(r);
    }

    public RoutingView get(String code, int version) {
        return view(find(code, version));
    }

    public List<RoutingView> versions(String code) {
        return routings.ofCode(code).stream().map(RoutingService::view).toList();
    }

    private RoutingEntity find(String code, int version) {
        return routings.byCodeAndVersion(code, version)
                .orElseThrow(() -> ProblemException.notFound("Routing", code + " version " + version));
    }

    private static List<OperationSpec> operations(List<Operation> ops) {
        Set<Integer> sequences = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Operation op : ops) {
            if (!sequences.add(op.sequence()) || !codes.add(op.code())) {
                throw ProblemException.badRequest("routing-operations",
                        "Operation sequence numbers and codes must be unique: " + op.sequence() + " " + op.code());
            }
        }
        return ops.stream().sorted((a, b) -> Integer.compare(a.sequence(), b.sequence()))
                .map(op -> new OperationSpec(op.sequence(), op.code(), op.name().strip(), op.workCenterType(),
                        op.equipmentClass(), op.qualification(),
                        op.parameters() == null ? List.of()
                                : op.parameters().stream().map(RoutingService::parameter).toList(),
                        op.characteristics() == null ? List.of()
                                : op.characteristics().stream().map(RoutingService::characteristic).toList()))
                .toList();
    }

    private static ParameterSpec parameter(Parameter p) {
        checkLimits("Parameter " + p.code(), p.lowerLimit(), p.target(), p.upperLimit());
        return new ParameterSpec(p.code(), p.name() == null ? p.code() : p.name(), p.unit(), p.lowerLimit(),
                p.target(), p.upperLimit());
    }

    private static CharacteristicSpec characteristic(Characteristic c) {
        checkLimits("Characteristic " + c.code(), c.lowerLimit(), c.target(), c.upperLimit());
        return new CharacteristicSpec(c.code(), c.name() == null ? c.code() : c.name(), c.unit(), c.lowerLimit(),
                c.target(), c.upperLimit());
    }

    /** Either limit may be open; the target, when given, lies within them. */
    private static void checkLimits(String what, BigDecimal lower, BigDecimal target, BigDecimal upper) {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw ProblemException.badRequest("limits", what + ": lower limit above upper limit");
        }
        if (target != null && ((lower != null && target.compareTo(lower) < 0)
                || (upper != null && target.compareTo(upper) > 0))) {
            throw ProblemException.badRequest("limits", what + ": target outside its limits");
        }
    }

    static String key(RoutingEntity r) {
        return r.code + "/" + r.version;
    }

    static RoutingView view(RoutingEntity r) {
        return new RoutingView(r.code, r.version, r.product.code, r.status, r.operations, r.createdAt, r.releasedAt);
    }
}
