package org.pilotline.mes.workorders.domain;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.events.WorkOrderReleased;
import org.pilotline.mes.contracts.events.WorkOrderStateChanged;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.workorders.api.WorkOrderApi.CreateWorkOrder;
import org.pilotline.mes.workorders.api.WorkOrderApi.LotSummary;
import org.pilotline.mes.workorders.api.WorkOrderApi.LotView;
import org.pilotline.mes.workorders.api.WorkOrderApi.WorkOrderView;
import org.pilotline.mes.workorders.persistence.LotEntity;
import org.pilotline.mes.workorders.persistence.OperationRunEntity;
import org.pilotline.mes.workorders.persistence.ProductEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Lots;
import org.pilotline.mes.workorders.persistence.Repositories.OperationRuns;
import org.pilotline.mes.workorders.persistence.Repositories.Products;
import org.pilotline.mes.workorders.persistence.Repositories.Routings;
import org.pilotline.mes.workorders.persistence.Repositories.WorkOrders;
import org.pilotline.mes.workorders.persistence.RoutingEntity;
import org.pilotline.mes.workorders.persistence.WorkOrderEntity;

@ApplicationScoped
public class WorkOrderService {

    private final WorkOrders workOrders;
    private final Lots lots;
    private final Products products;
    private final Routings routings;
    private final OperationRuns runs;
    private final AuditTrail audit;
    private final Outbox outbox;

    WorkOrderService(WorkOrders workOrders, Lots lots, Products products, Routings routings, OperationRuns runs,
            AuditTrail audit, Outbox outbox) {
        this.workOrders = workOrders;
        this.lots = lots;
        this.products = products;
        this.routings = routings;
        this.runs = runs;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** A new order takes a snapshot of the product's released routing. */
    @Transactional
    public WorkOrderView create(CreateWorkOrder req, Actor actor) {
        ProductEntity product = products.byCode(req.product()).orElseThrow(
                () -> ProblemException.badRequest("unknown-product", "Product " + req.product() + " does not exist"));
        RoutingEntity routing = routings.releasedFor(product).orElseThrow(() -> ProblemException.conflict(
                "no-released-routing", "Product " + product.code + " has no released routing"));
        int lotSize = req.lotSize() == null ? req.plannedQuantity() : req.lotSize();
        if (lotSize > req.plannedQuantity()) {
            throw ProblemException.badRequest("lot-size", "lotSize is larger than plannedQuantity");
        }
        WorkOrderEntity wo = new WorkOrderEntity();
        wo.number = workOrders.nextNumber(Year.now(ZoneOffset.UTC).getValue());
        wo.product = product;
        wo.routing = routing;
        wo.routingSnapshot = List.copyOf(routing.operations);
        wo.plannedQuantity = req.plannedQuantity();
        wo.lotSize = lotSize;
        wo.state = WorkOrderState.CREATED;
        wo.priority = req.priority() == null ? 500 : req.priority();
        wo.dueDate = req.dueDate();
        wo.createdAt = Instant.now();
        workOrders.persist(wo);
        WorkOrderView view = view(wo);
        audit.record(actor, "work-order.created", "work-order", wo.number, null, view, null);
        return view;
    }

    /**
     * Moves a work order along the ISA-95 graph. Releasing splits it into lots; every move is audited and
     * published. An illegal move is refused with 409 and the moves that are allowed.
     */
    @Transactional
    public WorkOrderView apply(String number, WorkOrderAction action, String reason, Actor actor) {
        WorkOrderEntity wo = find(number);
        if (action.needsReason() && (reason == null || reason.isBlank())) {
            throw ProblemException.badRequest("reason-required", "To " + action.pathName() + " a work order, give a reason");
        }
        WorkOrderState from = wo.state;
        if (!action.allowedFrom(from, wo.heldFrom)) {
            throw illegal(wo, action);
        }
        WorkOrderState target = action.target(from, wo.heldFrom);
        wo.heldFrom = target == WorkOrderState.HELD ? from : null;
        wo.state = target;
        wo.stateReason = action.needsReason() ? reason.strip() : wo.stateReason;
        workOrders.flush(); // a concurrent move fails here with 409, before anything is published
        audit.record(actor, "work-order." + action.pathName(), "work-order", wo.number,
                Map.of("state", from.name()), Map.of("state", target.name()), reason);
        if (action == WorkOrderAction.RELEASE) {
            released(wo, actor);
        } else {
            outbox.publish(EventTypes.WorkOrders.WORK_ORDER_PREFIX + action.pastTense(), wo.number,
                    new WorkOrderStateChanged(wo.number, wo.product.code, from.name(), target.name(), reason,
                            actor.name(), Instant.now()));
        }
        return view(wo);
    }

    private void released(WorkOrderEntity wo, Actor actor) {
        outbox.publish(EventTypes.WorkOrders.WORK_ORDER_RELEASED, wo.number, new WorkOrderReleased(wo.number,
                wo.product.code, wo.routing.code, wo.routing.version, wo.plannedQuantity));
        if (lots.ofWorkOrder(wo).isEmpty()) {
            int remaining = wo.plannedQuantity;
            for (int i = 1; remaining > 0; i++) {
                int qty = Math.min(wo.lotSize, remaining);
                createLot(wo, String.format("%s-%02d", wo.number, i), qty, actor);
                remaining -= qty;
            }
        }
    }

    private static ProblemException illegal(WorkOrderEntity wo, WorkOrderAction action) {
        List<String> allowed = new ArrayList<>();
        for (WorkOrderAction a : WorkOrderAction.values()) {
            if (a.allowedFrom(wo.state, wo.heldFrom)) {
                allowed.add(a.pathName());
            }
        }
        return new ProblemException(409, "illegal-transition", "Illegal state transition",
                "Work order " + wo.number + " is " + wo.state + " and cannot " + action.pathName() + "; allowed: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
    }

    public WorkOrderView get(String number) {
        return view(find(number));
    }

    public List<WorkOrderView> list(WorkOrderFilter filter, int page, int size) {
        return workOrders.page(filter, page, size).stream().map(WorkOrderService::view).toList();
    }

    public long count(WorkOrderFilter filter) {
        return workOrders.count(filter);
    }

    /**
     * Lots across work orders (e.g. every READY lot waiting for a signature), most urgent first, each with how far it
     * got on its routing: the lots' own runs (not their cells') read in one query for the page.
     */
    @Transactional
    public List<LotSummary> lots(LotFilter filter, int offset, int limit) {
        List<LotEntity> page = lots.page(filter, offset, limit);
        Map<Long, Map<String, OperationRunEntity>> runsByLot = new HashMap<>();
        if (!page.isEmpty()) {
            runs.list("lot in ?1 and cell is null", page).forEach(r -> runsByLot
                    .computeIfAbsent(r.lot.id, k -> new HashMap<>()).put(r.operation, r));
        }
        return page.stream().map(lot -> summary(lot, runsByLot.getOrDefault(lot.id, Map.of()))).toList();
    }

    public long countLots(LotFilter filter) {
        return lots.count(filter);
    }

    private static LotSummary summary(LotEntity lot, Map<String, OperationRunEntity> runs) {
        WorkOrderEntity wo = lot.workOrder;
        List<OperationSpec> ops = wo.routingSnapshot.stream().sorted(Comparator.comparingInt(OperationSpec::sequence))
                .toList();
        int completed = 0;
        OperationSpec current = null;
        for (OperationSpec op : ops) {
            OperationRunEntity run = runs.get(op.code());
            if (run != null && run.is(OperationRunEntity.COMPLETED)) {
                completed++;
            } else if (current == null) {
                current = op;
            }
        }
        OperationRunEntity currentRun = current == null ? null : runs.get(current.code());
        return new LotSummary(lot.lotNumber, wo.number, wo.state, wo.product.code, wo.product.stage,
                lot.plannedQuantity, lot.state, wo.priority, wo.dueDate, completed, ops.size(),
                current == null ? null : current.code(), current == null ? null : current.name(),
                current == null ? null : currentRun == null ? "PENDING" : currentRun.state, lot.createdAt,
                lot.decidedAt);
    }

    public List<LotView> lotsOf(String number) {
        return lots.ofWorkOrder(find(number)).stream().map(WorkOrderService::lotView).toList();
    }

    public LotView lot(String lotNumber) {
        return lots.byNumber(lotNumber).map(WorkOrderService::lotView)
                .orElseThrow(() -> ProblemException.notFound("Lot", lotNumber));
    }

    private void createLot(WorkOrderEntity wo, String number, int qty, Actor actor) {
        LotEntity lot = new LotEntity();
        lot.lotNumber = number;
        lot.workOrder = wo;
        lot.plannedQuantity = qty;
        lot.state = LotState.CREATED;
        lot.createdAt = Instant.now();
        lots.persist(lot);
        audit.record(actor, "lot.created", "lot", number, null, lotView(lot), null);
        outbox.publish(EventTypes.WorkOrders.LOT_CREATED, number, new LotCreated(number, wo.number, wo.product.code,
                wo.routing.code, wo.routing.version, qty));
    }

    private WorkOrderEntity find(String number) {
        return workOrders.byNumber(number).orElseThrow(() -> ProblemException.notFound("Work order", number));
    }

    static WorkOrderView view(WorkOrderEntity wo) {
        return new WorkOrderView(wo.number, wo.product.code, wo.routing.code, wo.routing.version, wo.plannedQuantity,
                wo.lotSize, wo.state, wo.stateReason, wo.priority, wo.dueDate, wo.createdAt);
    }

    static LotView lotView(LotEntity lot) {
        return new LotView(lot.lotNumber, lot.workOrder.number, lot.workOrder.product.code, lot.plannedQuantity,
                lot.state, lot.decidedAt);
    }
}
