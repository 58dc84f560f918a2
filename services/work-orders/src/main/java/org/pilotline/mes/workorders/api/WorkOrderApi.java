package org.pilotline.mes.workorders.api;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.pilotline.mes.workorders.domain.LotState;
import org.pilotline.mes.workorders.domain.Stage;
import org.pilotline.mes.workorders.domain.WorkOrderState;

/** Request and response bodies of /work-orders and /lots. */
public final class WorkOrderApi {

    private WorkOrderApi() {
    }

    /** lotSize: cells per lot; the order is split into lots of this size when released (default: one lot). */
    public record CreateWorkOrder(
            @NotBlank String product,
            @Positive @Max(10_000_000) int plannedQuantity,
            @Positive Integer lotSize,
            LocalDate dueDate,
            @Min(1) @Max(1000) Integer priority) {
    }

    public record WorkOrderView(String number, String product, String routing, int routingVersion,
            int plannedQuantity, int lotSize, WorkOrderState state, String stateReason, int priority,
            LocalDate dueDate, Instant createdAt) {
    }

    /** Body of a state change; hold, suspend, abort and cancel need a reason. */
    public record StateChange(@jakarta.validation.constraints.Size(max = 2000) String reason) {
    }

    public record LotView(String lot, String workOrder, String product, int plannedQuantity, LotState state,
            Instant decidedAt) {
    }

    /**
     * A lot in a list across work orders, with what a supervisor's or operator's screen shows of it: its order's
     * product, stage, state, priority and due date, and how far it got: operationsCompleted of operationsTotal, and
     * the operation it is at (the first of its routing not completed on the lot; null once all are), with that
     * operation's name and state on the lot (PENDING, STARTED or PAUSED).
     */
    public record LotSummary(String lot, String workOrder, WorkOrderState workOrderState, String product, Stage stage,
            int plannedQuantity, LotState state, int priority, LocalDate dueDate, int operationsCompleted,
            int operationsTotal, String currentOperation, String currentOperationName, String currentOperationState,
            Instant createdAt, Instant decidedAt) {
    }
}
