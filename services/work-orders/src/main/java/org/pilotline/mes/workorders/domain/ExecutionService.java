package org.pilotline.mes.workorders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.SerialFormat;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.events.UnitProgress;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.messaging.RejectedMessage;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.workorders.api.ExecutionApi.CellCounts;
import org.pilotline.mes.workorders.api.ExecutionApi.CompleteOperation;
import org.pilotline.mes.workorders.api.ExecutionApi.OperationStatus;
import org.pilotline.mes.workorders.api.ExecutionApi.PauseView;
import org.pilotline.mes.workorders.persistence.LotEntity;
import org.pilotline.mes.workorders.persistence.OperationPauseEntity;
import org.pilotline.mes.workorders.persistence.OperationRunEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Lots;
import org.pilotline.mes.workorders.persistence.Repositories.OperationPauses;
import org.pilotline.mes.workorders.persistence.Repositories.OperationRuns;
import org.pilotline.mes.workorders.persistence.SerialStore;
import org.pilotline.mes.workorders.persistence.WorkOrderEntity;

/**
 * Operators run a lot through its work order's routing snapshot, operation by operation in sequence: start (pause
 * and resume), then complete with the process parameters the operation asks for. Within an operation of the lot,
 * single cells may run it on their own, each with its own parameters and scrap; the lot's operation completes once
 * no cell is still in it. A value outside its limits needs a reason and is reported to quality. The first start
 * makes a released work order running; the last completion makes the lot ready for approval and records who did it
 * (that person may not approve the lot).
 */
@ApplicationScoped
public class ExecutionService {

    private final Lots lots;
    private final OperationRuns runs;
    private final OperationPauses pauses;
    private final SerialStore serials;
    private final WorkOrderService workOrders;
    private final QualificationService qualifications;
    private final StartChecks checks;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Inbox inbox;

    ExecutionService(Lots lots, OperationRuns runs, OperationPauses pauses, SerialStore serials,
            WorkOrderService workOrders, QualificationService qualifications, StartChecks checks, AuditTrail audit,
            Outbox outbox, Inbox inbox) {
        this.lots = lots;
        this.runs = runs;
        this.pauses = pauses;
        this.serials = serials;
        this.workOrders = workOrders;
        this.qualifications = qualifications;
        this.checks = checks;
        this.audit = audit;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    /**
     * What an operation runs on: a whole lot (cell null) or one cell of it, with every run of the lot (the lot's and
     * its cells'), read once per request and kept up to date as runs are added.
     */
    record Unit(LotEntity lot, String cell, List<OperationRunEntity> runs) {
        String describe() {
            return cell == null ? "lot " + lot.lotNumber : "cell " + cell + " of lot " + lot.lotNumber;
        }
    }

    /** @param serial null for the whole lot; token: the person's bearer token, asked about elsewhere */
    @Transactional
    public OperationStatus start(String lotNumber, String serial, String operation, String station, Actor actor,
            String token) {
        Unit u = unit(lotNumber, serial);
        OperationSpec op = operation(u.lot().workOrder, operation);
        begin(u, op, station, actor, token);
        return status(u, op);
    }

    @Transactional
    public OperationStatus complete(String lotNumber, String serial, String operation, CompleteOperation req,
            Actor actor) {
        Unit u = unit(lotNumber, serial);
        OperationSpec op = operation(u.lot().workOrder, operation);
        finish(u, op, req, actor);
        return status(u, op);
    }

    @Transactional
    public OperationStatus pause(String lotNumber, String serial, String operation, String reason, Actor actor) {
        Unit u = unit(lotNumber, serial);
        OperationSpec op = operation(u.lot().workOrder, operation);
        OperationRunEntity run = find(u.runs(), op.code(), u.cell());
        if (run == null || !run.is(OperationRunEntity.STARTED)) {
            throw ProblemException.conflict("operation-not-running", op.code() + " on " + u.describe() + " is "
                    + (run == null ? "not started" : run.state) + ": only a started operation can pause");
        }
        run.state = OperationRunEntity.PAUSED;
        OperationPauseEntity p = new OperationPauseEntity();
        p.run = run;
        p.pausedAt = Instant.now();
        p.pausedBy = actor.name();
        p.reason = reason.strip();
        pauses.persist(p);
        runs.flush();
        audit.record(actor, "operation.paused", "lot", u.lot().lotNumber, null, Map.of("operation", op.code(),
                "cell", Objects.toString(u.cell(), "")), p.reason);
        outbox.publish("operation.paused", u.lot().lotNumber, event(u, op, run));
        return status(u, op);
    }

    /** Resuming is starting work again: the station and quality are asked again. */
    @Transactional
    public OperationStatus resume(String lotNumber, String serial, String operation, Actor actor, String token) {
        Unit u = unit(lotNumber, serial);
        OperationSpec op = operation(u.lot().workOrder, operation);
        OperationRunEntity run = find(u.runs(), op.code(), u.cell());
        if (run == null || !run.is(OperationRunEntity.PAUSED)) {
            throw ProblemException.conflict("operation-not-paused", op.code() + " on " + u.describe() + " is "
                    + (run == null ? "not started" : run.state));
        }
        requireWorkOrderRunning(u.lot().workOrder);
        if (token != null) {
            checks.require(u.lot().lotNumber, u.cell(), op, previous(u.lot().workOrder, op), run.station, token);
        }
        unpause(u, op, run, actor);
        return status(u, op);
    }

    /**
     * Equipment reports an operation done on a lot or a cell ({@code unit.completed}): it counts as an operator's
     * completion, started (or resumed) if it was not. A machine cannot give reasons: values outside their limits
     * are kept and reported to quality with the equipment named. What cannot be applied is rejected (dead letter).
     */
    @Transactional
    public void onUnitCompleted(String eventId, UnitProgress unit) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        try {
            Unit u = unit(unit.lot(), unit.cell());
            OperationSpec op = operation(u.lot().workOrder, unit.operation());
            Actor device = Actor.device(unit.equipment());
            OperationRunEntity run = find(u.runs(), op.code(), u.cell());
            if (run == null) {
                begin(u, op, unit.equipment(), device, null);
            } else if (run.is(OperationRunEntity.PAUSED)) {
                unpause(u, op, run, device);
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            if (unit.parameters() != null) {
                unit.parameters().forEach((k, v) -> values.put(k, number(k, v)));
            }
            finish(u, op, new CompleteOperation(values, "reported by " + unit.equipment(), null, null, null), device);
        } catch (ProblemException refused) {
            throw new RejectedMessage(refused.slug(), refused.getMessage());
        }
    }

    @Transactional
    public List<OperationStatus> operations(String lotNumber, String serial) {
        Unit u = unit(lotNumber, serial);
        return u.lot().workOrder.routingSnapshot.stream().map(op -> status(u, op)).toList();
    }

    private void begin(Unit u, OperationSpec op, String station, Actor actor, String token) {
        LotEntity lot = u.lot();
        if (lot.state.isDecided() || lot.state == LotState.READY) {
            throw ProblemException.conflict("lot-finished", "Lot " + lot.lotNumber + " is " + lot.state);
        }
        WorkOrderEntity wo = lot.workOrder;
        if (wo.state == WorkOrderState.RELEASED) {
            workOrders.apply(wo.number, WorkOrderAction.START, null, actor);
        }
        requireWorkOrderRunning(wo);
        qualifications.requireFor(actor, op.qualification());
        List<OperationRunEntity> all = u.runs();
        OperationRunEntity own = find(all, op.code(), u.cell());
        if (own != null) {
            throw ProblemException.conflict("operation-already-started", op.code() + " on " + u.describe()
                    + " is already " + own.state);
        }
        OperationSpec previous = previous(wo, op);
        if (previous != null) {
            OperationRunEntity before = find(all, previous.code(), null);
            if (before == null || !before.is(OperationRunEntity.COMPLETED)) {
                throw ProblemException.conflict("previous-operation-open", "Lot " + lot.lotNumber + ": "
                        + previous.code() + " (" + previous.sequence() + ") must be completed before " + op.code()
                        + " starts");
            }
        }
        OperationRunEntity lotRun = find(all, op.code(), null);
        if (u.cell() != null) {
            all.stream().filter(r -> u.cell().equals(r.cell) && r.scrappedCell()).findFirst().ifPresent(r -> {
                throw ProblemException.conflict("cell-scrapped", "Cell " + u.cell() + " was scrapped at "
                        + r.operation + " (" + r.scrapReason + ")");
            });
            if (lotRun != null && !lotRun.is(OperationRunEntity.STARTED)) {
                throw ProblemException.conflict(lotRun.is(OperationRunEntity.PAUSED) ? "operation-paused"
                        : "operation-completed", op.code() + " on lot " + lot.lotNumber + " is " + lotRun.state);
            }
        }
        if (token != null) {
            checks.require(lot.lotNumber, u.cell(), op, previous, station, token);
        }
        if (u.cell() != null && lotRun == null) {
            newRun(new Unit(lot, null, all), op, station, actor); // the lot's operation is under way with its first cell
        }
        newRun(u, op, station, actor);
        if (lot.state == LotState.CREATED) {
            lot.state = LotState.IN_PROCESS;
        }
    }

    private void newRun(Unit u, OperationSpec op, String station, Actor actor) {
        OperationRunEntity run = new OperationRunEntity();
        run.lot = u.lot();
        run.cell = u.cell();
        run.sequence = op.sequence();
        run.operation = op.code();
        run.state = OperationRunEntity.STARTED;
        run.station = station;
        run.startedAt = Instant.now();
        run.startedBy = actor.name();
        runs.persist(run);
        runs.flush(); // two stations starting the same operation at once: one gets 409
        u.runs().add(run);
        audit.record(actor, "operation.started", "lot", u.lot().lotNumber, null, Map.of("operation", op.code(),
                "cell", Objects.toString(u.cell(), ""), "station", Objects.toString(station, "")), null);
        outbox.publish("operation.started", u.lot().lotNumber, event(u, op, run));
    }

    private void unpause(Unit u, OperationSpec op, OperationRunEntity run, Actor actor) {
        pauses.openOf(run).ifPresent(p -> {
            p.resumedAt = Instant.now();
            p.resumedBy = actor.name();
        });
        run.state = OperationRunEntity.STARTED;
        runs.flush();
        audit.record(actor, "operation.resumed", "lot", u.lot().lotNumber, null, Map.of("operation", op.code(),
                "cell", Objects.toString(u.cell(), "")), null);
        outbox.publish("operation.resumed", u.lot().lotNumber, event(u, op, run));
    }

    private void finish(Unit u, OperationSpec op, CompleteOperation req, Actor actor) {
        LotEntity lot = u.lot();
        List<OperationRunEntity> all = u.runs();
        OperationRunEntity run = find(all, op.code(), u.cell());
        if (run == null || !run.is(OperationRunEntity.STARTED)) {
            throw ProblemException.conflict(run != null && run.is(OperationRunEntity.PAUSED) ? "operation-paused"
                    : "operation-not-started", op.code() + " on " + u.describe() + " is "
                            + (run == null ? "not started" : run.state));
        }
        List<OperationRunEntity> cellRuns = all.stream().filter(r -> r.cell != null && r.operation.equals(op.code()))
                .toList();
        boolean cellsCarried = false;
        if (u.cell() == null) {
            List<String> open = cellRuns.stream().filter(r -> !r.is(OperationRunEntity.COMPLETED)).map(r -> r.cell)
                    .toList();
            if (!open.isEmpty()) {
                throw new ProblemException(409, "cells-in-process", "Cells still in the operation",
                        op.code() + " on lot " + lot.lotNumber + " cannot complete while " + open.size()
                                + " cell(s) are in it", open);
            }
            cellsCarried = !cellRuns.isEmpty();
        }
        Map<String, BigDecimal> values = req.parameters() == null ? Map.of() : req.parameters();
        List<String> outOfLimits = cellsCarried && values.isEmpty() ? List.of() // each cell gave its own
                : ParameterCheck.outsideLimits(op, values);
        boolean hasReason = req.outOfLimitReason() != null && !req.outOfLimitReason().isBlank();
        if (!outOfLimits.isEmpty() && !hasReason) {
            throw new ProblemException(400, "parameter-out-of-limit", "Values outside their limits",
                    "Give an outOfLimitReason to accept: " + String.join("; ", outOfLimits), outOfLimits);
        }
        int scrap = req.scrap() != null ? req.scrap()
                : cellsCarried ? (int) cellRuns.stream().filter(OperationRunEntity::scrappedCell).count() : 0;
        if (req.scrap() != null && scrap > 0 && (req.scrapReason() == null || req.scrapReason().isBlank())) {
            throw ProblemException.badRequest("scrap-reason-required", "Scrap needs a reason code");
        }
        Integer good = req.good();
        if (u.cell() != null) {
            if (scrap > 1 || (good != null && good > 1)) {
                throw ProblemException.badRequest("cell-is-one-unit", "A cell is good (scrap 0) or scrap (scrap 1)");
            }
            good = 1 - scrap;
        } else if (good == null && cellsCarried) {
            good = (int) cellRuns.stream().filter(r -> !r.scrappedCell()).count();
        }
        run.state = OperationRunEntity.COMPLETED;
        run.completedAt = Instant.now();
        run.completedBy = actor.name();
        run.completedById = actor.id();
        run.parameters = new LinkedHashMap<>(values);
        run.outOfLimitReason = outOfLimits.isEmpty() ? null : req.outOfLimitReason().strip();
        run.goodQuantity = good;
        run.scrapQuantity = scrap;
        run.scrapReason = scrap == 0 ? null : req.scrapReason() != null ? req.scrapReason().strip() : "see cells";
        boolean last = u.cell() == null && lot.workOrder.routingSnapshot.stream().mapToInt(OperationSpec::sequence)
                .max().orElseThrow() == op.sequence();
        if (last) {
            lot.state = LotState.READY;
            lot.lastOperationBy = actor.id();
        }
        runs.flush();
        audit.record(actor, "operation.completed", "lot", lot.lotNumber, null, Map.of("operation", op.code(),
                "cell", Objects.toString(u.cell(), ""), "parameters", values, "scrap", scrap), run.outOfLimitReason);
        outbox.publish("operation.completed", lot.lotNumber, event(u, op, run));
        if (!outOfLimits.isEmpty()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("lot", lot.lotNumber);
            e.put("cell", u.cell());
            e.put("workOrder", lot.workOrder.number);
            e.put("operation", op.code());
            e.put("violations", outOfLimits);
            e.put("reason", run.outOfLimitReason);
            e.put("by", actor.name());
            outbox.publish("parameter.out-of-limit", lot.lotNumber, e);
        }
    }

    private static void requireWorkOrderRunning(WorkOrderEntity wo) {
        if (wo.state != WorkOrderState.RUNNING) {
            throw ProblemException.conflict("work-order-not-running", "Work order " + wo.number + " is " + wo.state
                    + (wo.stateReason == null ? "" : " (" + wo.stateReason + ")") + ": nothing of it may start");
        }
    }

    private static BigDecimal number(String code, Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new RejectedMessage("malformed", "parameter " + code + " is not a number: " + value);
    }

    /** The lot, or the cell with its lot; a lot number given with a serial must be the serial's lot. */
    private Unit unit(String lotNumber, String serial) {
        if (serial == null) {
            if (lotNumber == null) {
                throw ProblemException.badRequest("unit-missing", "Name a lot or a cell");
            }
            return unitOf(lot(lotNumber), null);
        }
        if (!SerialFormat.isValid(serial)) {
            throw ProblemException.badRequest("invalid-serial", serial + " is not a valid cell serial "
                    + "(PL, year, eight digits, check digit): misread or mistyped?");
        }
        LotEntity lot = serials.lotIdOf(SerialFormat.number(serial)).map(lots::findById)
                .orElseThrow(() -> ProblemException.notFound("Cell", serial));
        if (lotNumber != null && !lotNumber.equals(lot.lotNumber)) {
            throw ProblemException.conflict("cell-not-in-lot", "Cell " + serial + " belongs to lot " + lot.lotNumber
                    + ", not " + lotNumber);
        }
        return unitOf(lot, serial);
    }

    private Unit unitOf(LotEntity lot, String serial) {
        return new Unit(lot, serial, new ArrayList<>(runs.ofLot(lot)));
    }

    private LotEntity lot(String lotNumber) {
        return lots.byNumber(lotNumber).orElseThrow(() -> ProblemException.notFound("Lot", lotNumber));
    }

    private static OperationSpec operation(WorkOrderEntity wo, String code) {
        return wo.routingSnapshot.stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Operation", code + " in work order " + wo.number));
    }

    private static OperationSpec previous(WorkOrderEntity wo, OperationSpec op) {
        return wo.routingSnapshot.stream().filter(o -> o.sequence() < op.sequence())
                .max(Comparator.comparingInt(OperationSpec::sequence)).orElse(null);
    }

    private static OperationRunEntity find(List<OperationRunEntity> all, String operation, String cell) {
        return all.stream().filter(r -> r.operation.equals(operation) && Objects.equals(r.cell, cell)).findFirst()
                .orElse(null);
    }

    /** A cell without a run of its own shares the lot's. */
    private OperationStatus status(Unit u, OperationSpec op) {
        List<OperationRunEntity> all = u.runs();
        OperationRunEntity own = find(all, op.code(), u.cell());
        OperationRunEntity run = own != null ? own : find(all, op.code(), null);
        String scope = own != null && u.cell() != null ? "CELL" : "LOT";
        PauseView pause = run != null && run.is(OperationRunEntity.PAUSED) ? pauses.openOf(run)
                .map(p -> new PauseView(p.pausedAt, p.pausedBy, p.reason)).orElse(null) : null;
        CellCounts cells = null;
        if (u.cell() == null) {
            List<OperationRunEntity> cellRuns = all.stream()
                    .filter(r -> r.cell != null && r.operation.equals(op.code())).toList();
            int completed = (int) cellRuns.stream().filter(r -> r.is(OperationRunEntity.COMPLETED)).count();
            int scrapped = (int) cellRuns.stream().filter(OperationRunEntity::scrappedCell).count();
            cells = new CellCounts(cellRuns.size() - completed, completed, scrapped);
        }
        return new OperationStatus(op.sequence(), op.code(), op.name(), op.equipmentClass(), op.qualification(),
                op.parameters(), op.characteristics(), u.cell(), scope, run == null ? "PENDING" : run.state, run == null ? null : run.station,
                run == null ? null : run.startedAt, run == null ? null : run.startedBy,
                run == null ? null : run.completedAt, run == null ? null : run.completedBy,
                run == null ? null : run.parameters, run == null ? null : run.outOfLimitReason,
                run == null ? null : run.goodQuantity, run == null ? null : run.scrapQuantity,
                run == null ? null : run.scrapReason, pause, cells);
    }

    private static Map<String, Object> event(Unit u, OperationSpec op, OperationRunEntity run) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("lot", u.lot().lotNumber);
        e.put("cell", u.cell());
        e.put("workOrder", u.lot().workOrder.number);
        e.put("product", u.lot().workOrder.product.code);
        e.put("operation", op.code());
        e.put("sequence", op.sequence());
        e.put("state", run.state);
        e.put("station", run.station);
        e.put("by", run.is(OperationRunEntity.COMPLETED) ? run.completedBy : run.startedBy);
        e.put("parameters", run.parameters);
        e.put("scrap", run.scrapQuantity);
        return e;
    }
}
