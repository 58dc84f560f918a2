package org.pilotline.mes.workorders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.events.ParameterSpec;
import org.pilotline.mes.contracts.events.UnitProgress;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.messaging.RejectedMessage;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.workorders.api.ExecutionApi.CompleteOperation;
import org.pilotline.mes.workorders.api.ExecutionApi.OperationStatus;
import org.pilotline.mes.workorders.persistence.LotEntity;
import org.pilotline.mes.workorders.persistence.OperationRunEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Lots;
import org.pilotline.mes.workorders.persistence.Repositories.OperationRuns;
import org.pilotline.mes.workorders.persistence.WorkOrderEntity;

/**
 * Operators run a lot through its work order's routing snapshot, operation by operation in sequence: start, then
 * complete with the process parameters the operation asks for. A value outside its limits needs a reason and is
 * reported to quality. The first start makes a released work order running; the last completion makes the lot
 * ready for approval and records who did it (that person may not approve the lot).
 */
@ApplicationScoped
public class ExecutionService {

    private final Lots lots;
    private final OperationRuns runs;
    private final WorkOrderService workOrders;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Inbox inbox;
    private final QualificationService qualifications;

    ExecutionService(Lots lots, OperationRuns runs, WorkOrderService workOrders, AuditTrail audit, Outbox outbox,
            Inbox inbox, QualificationService qualifications) {
        this.qualifications = qualifications;
        this.lots = lots;
        this.runs = runs;
        this.workOrders = workOrders;
        this.audit = audit;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @Transactional
    public OperationStatus start(String lotNumber, String operation, String station, Actor actor) {
        LotEntity lot = lot(lotNumber);
        OperationSpec op = operation(lot.workOrder, operation);
        return status(op, begin(lot, op, station, actor));
    }

    private OperationRunEntity begin(LotEntity lot, OperationSpec op, String station, Actor actor) {
        String lotNumber = lot.lotNumber;
        WorkOrderEntity wo = lot.workOrder;
        if (lot.state.isDecided() || lot.state == LotState.READY) {
            throw ProblemException.conflict("lot-finished", "Lot " + lotNumber + " is " + lot.state);
        }
        if (wo.state == WorkOrderState.RELEASED) {
            workOrders.apply(wo.number, WorkOrderAction.START, null, actor);
        } else if (wo.state != WorkOrderState.RUNNING) {
            throw ProblemException.conflict("work-order-not-running", "Work order " + wo.number + " is " + wo.state
                    + (wo.stateReason == null ? "" : " (" + wo.stateReason + ")") + ": nothing of it may start");
        }
        qualifications.requireFor(actor, op.qualification());
        Map<String, OperationRunEntity> done = byOperation(lot);
        if (done.containsKey(op.code())) {
            throw ProblemException.conflict("operation-already-started",
                    op.code() + " on lot " + lotNumber + " is already " + done.get(op.code()).state);
        }
        wo.routingSnapshot.stream().filter(o -> o.sequence() < op.sequence())
                .max(Comparator.comparingInt(OperationSpec::sequence)).ifPresent(previous -> {
                    OperationRunEntity run = done.get(previous.code());
                    if (run == null || !OperationRunEntity.COMPLETED.equals(run.state)) {
                        throw ProblemException.conflict("previous-operation-open", "Lot " + lotNumber + ": "
                                + previous.code() + " (" + previous.sequence() + ") must be completed before "
                                + op.code() + " starts");
                    }
                });
        OperationRunEntity run = new OperationRunEntity();
        run.lot = lot;
        run.sequence = op.sequence();
        run.operation = op.code();
        run.state = OperationRunEntity.STARTED;
        run.station = station;
        run.startedAt = Instant.now();
        run.startedBy = actor.name();
        runs.persist(run);
        if (lot.state == LotState.CREATED) {
            lot.state = LotState.IN_PROCESS;
        }
        runs.flush(); // two stations starting the same operation at once: one gets 409
        audit.record(actor, "operation.started", "lot", lotNumber, null,
                Map.of("operation", op.code(), "station", station == null ? "" : station), null);
        outbox.publish("operation.started", lotNumber, event(lot, op, run));
        return run;
    }

    @Transactional
    public OperationStatus complete(String lotNumber, String operation, CompleteOperation req, Actor actor) {
        LotEntity lot = lot(lotNumber);
        OperationSpec op = operation(lot.workOrder, operation);
        return status(op, finish(lot, op, req, actor));
    }

    /**
     * Equipment reports an operation done on a lot ({@code unit.completed}): it counts as an operator's
     * completion, started if it was not. A machine cannot give reasons: values outside their limits are kept
     * and reported to quality with the equipment named. What cannot be applied is rejected (dead letter).
     */
    @Transactional
    public void onUnitCompleted(String eventId, UnitProgress unit) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (unit.lot() == null) {
            return; // per-cell progress is genealogy's and quality's record until cell-level execution exists
        }
        try {
            LotEntity lot = lot(unit.lot());
            OperationSpec op = operation(lot.workOrder, unit.operation());
            Actor device = Actor.device(unit.equipment());
            if (!byOperation(lot).containsKey(op.code())) {
                begin(lot, op, unit.equipment(), device);
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            if (unit.parameters() != null) {
                unit.parameters().forEach((k, v) -> values.put(k, number(k, v)));
            }
            finish(lot, op, new CompleteOperation(values, "reported by " + unit.equipment(), null, null, null), device);
        } catch (ProblemException refused) {
            throw new RejectedMessage(refused.slug(), refused.getMessage());
        }
    }

    private static BigDecimal number(String code, Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new RejectedMessage("malformed", "parameter " + code + " is not a number: " + value);
    }

    private OperationRunEntity finish(LotEntity lot, OperationSpec op, CompleteOperation req, Actor actor) {
        String lotNumber = lot.lotNumber;
        OperationRunEntity run = byOperation(lot).get(op.code());
        if (run == null || !OperationRunEntity.STARTED.equals(run.state)) {
            throw ProblemException.conflict("operation-not-started", op.code() + " on lot " + lotNumber + " is "
                    + (run == null ? "not started" : run.state));
        }
        Map<String, BigDecimal> values = req.parameters() == null ? Map.of() : req.parameters();
        List<String> outOfLimits = checkParameters(op, values);
        boolean hasReason = req.outOfLimitReason() != null && !req.outOfLimitReason().isBlank();
        if (!outOfLimits.isEmpty() && !hasReason) {
            throw new ProblemException(400, "parameter-out-of-limit", "Values outside their limits",
                    "Give an outOfLimitReason to accept: " + String.join("; ", outOfLimits), outOfLimits);
        }
        int scrap = req.scrap() == null ? 0 : req.scrap();
        if (scrap > 0 && (req.scrapReason() == null || req.scrapReason().isBlank())) {
            throw ProblemException.badRequest("scrap-reason-required", "Scrap needs a reason code");
        }
        run.state = OperationRunEntity.COMPLETED;
        run.completedAt = Instant.now();
        run.completedBy = actor.name();
        run.completedById = actor.id();
        run.parameters = new LinkedHashMap<>(values);
        run.outOfLimitReason = outOfLimits.isEmpty() ? null : req.outOfLimitReason().strip();
        run.goodQuantity = req.good();
        run.scrapQuantity = scrap;
        run.scrapReason = scrap > 0 ? req.scrapReason().strip() : null;
        boolean last = lot.workOrder.routingSnapshot.stream().mapToInt(OperationSpec::sequence).max()
                .orElseThrow() == op.sequence();
        if (last) {
            lot.state = LotState.READY;
            lot.lastOperationBy = actor.id();
        }
        runs.flush();
        audit.record(actor, "operation.completed", "lot", lotNumber, null,
                Map.of("operation", op.code(), "parameters", values, "scrap", scrap), run.outOfLimitReason);
        outbox.publish("operation.completed", lotNumber, event(lot, op, run));
        if (!outOfLimits.isEmpty()) {
            outbox.publish("parameter.out-of-limit", lotNumber, Map.of("lot", lotNumber, "workOrder",
                    lot.workOrder.number, "operation", op.code(), "violations", outOfLimits, "reason",
                    run.outOfLimitReason, "by", actor.name()));
        }
        return run;
    }

    @Transactional
    public List<OperationStatus> operations(String lotNumber) {
        LotEntity lot = lot(lotNumber);
        Map<String, OperationRunEntity> done = byOperation(lot);
        List<OperationStatus> list = new ArrayList<>();
        for (OperationSpec op : lot.workOrder.routingSnapshot) {
            list.add(status(op, done.get(op.code())));
        }
        return list;
    }

    /** Every parameter of the operation is required; values outside their limits are listed, unknown codes refused. */
    private static List<String> checkParameters(OperationSpec op, Map<String, BigDecimal> values) {
        List<ParameterSpec> specs = op.parameters() == null ? List.of() : op.parameters();
        List<String> missing = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (ParameterSpec p : specs) {
            BigDecimal v = values.get(p.code());
            if (v == null) {
                missing.add(p.code() + " (" + p.unit() + ") missing");
            } else if (p.lowerLimit() != null && v.compareTo(p.lowerLimit()) < 0) {
                outside.add(p.code() + " " + plain(v) + " " + p.unit() + " below " + plain(p.lowerLimit()));
            } else if (p.upperLimit() != null && v.compareTo(p.upperLimit()) > 0) {
                outside.add(p.code() + " " + plain(v) + " " + p.unit() + " above " + plain(p.upperLimit()));
            }
        }
        values.keySet().stream().filter(k -> specs.stream().noneMatch(p -> p.code().equals(k)))
                .forEach(k -> missing.add(k + " is not a parameter of " + op.code()));
        if (!missing.isEmpty()) {
            throw new ProblemException(400, "parameters-invalid", "Parameters missing or unknown",
                    op.code() + " asks for " + specs.stream().map(ParameterSpec::code).toList(), missing);
        }
        return outside;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private LotEntity lot(String lotNumber) {
        return lots.byNumber(lotNumber).orElseThrow(() -> ProblemException.notFound("Lot", lotNumber));
    }

    private static OperationSpec operation(WorkOrderEntity wo, String code) {
        return wo.routingSnapshot.stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Operation", code + " in work order " + wo.number));
    }

    private Map<String, OperationRunEntity> byOperation(LotEntity lot) {
        Map<String, OperationRunEntity> map = new HashMap<>();
        runs.ofLot(lot).forEach(r -> map.put(r.operation, r));
        return map;
    }

    private static Map<String, Object> event(LotEntity lot, OperationSpec op, OperationRunEntity run) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("lot", lot.lotNumber);
        e.put("workOrder", lot.workOrder.number);
        e.put("product", lot.workOrder.product.code);
        e.put("operation", op.code());
        e.put("sequence", op.sequence());
        e.put("station", run.station);
        e.put("by", OperationRunEntity.COMPLETED.equals(run.state) ? run.completedBy : run.startedBy);
        e.put("parameters", run.parameters);
        e.put("scrap", run.scrapQuantity);
        return e;
    }

    private static OperationStatus status(OperationSpec op, OperationRunEntity run) {
        return new OperationStatus(op.sequence(), op.code(), op.name(), op.equipmentClass(), op.qualification(),
                op.parameters(), run == null ? "PENDING" : run.state, run == null ? null : run.station,
                run == null ? null : run.startedAt, run == null ? null : run.startedBy,
                run == null ? null : run.completedAt, run == null ? null : run.completedBy,
                run == null ? null : run.parameters, run == null ? null : run.outOfLimitReason,
                run == null ? null : run.goodQuantity, run == null ? null : run.scrapQuantity,
                run == null ? null : run.scrapReason);
    }
}
