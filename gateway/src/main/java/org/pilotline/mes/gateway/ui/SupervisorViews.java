package org.pilotline.mes.gateway.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the supervisor's screens read from the services (the fields they show). */
public final class SupervisorViews {

    private SupervisorViews() {
    }

    public record Product(String code, String name, String stage, Double nominalCapacityAh) {
    }

    public record WorkOrder(String number, String product, String routing, int routingVersion, int plannedQuantity,
            int lotSize, String state, String stateReason, int priority, LocalDate dueDate, Instant createdAt) {

        /** The moves a supervisor may make from this state (ISA-95 job order states, docs/work-orders.md). */
        public List<String> actions() {
            return switch (state) {
                case "CREATED" -> List.of("release", "cancel");
                case "RELEASED" -> List.of("start", "hold", "cancel");
                case "RUNNING" -> List.of("hold", "suspend", "end", "abort");
                case "HELD" -> List.of("resume", "abort", "cancel");
                case "SUSPENDED" -> List.of("resume", "abort");
                default -> List.of();
            };
        }
    }

    /** A lot in a list across work orders. */
    public record LotRow(String lot, String workOrder, String workOrderState, String product, String stage,
            int plannedQuantity, String state, Integer priority, LocalDate dueDate, String currentOperation,
            String currentOperationName, String currentOperationState, Integer operationsCompleted,
            Integer operationsTotal) {
    }

    public record Signature(String signerId, String signer, String printedName, Instant signedAt, String meaning,
            String reason) {
    }

    public record Decision(String lot, String state, Signature signature) {
    }

    public record Qualification(long id, String user, String qualification, LocalDate validUntil, String grantedBy,
            Instant grantedAt, String state) {
    }

    /** An action of a work order that needs a reason (ISA-95 moves away from the normal path). */
    public static boolean needsReason(String action) {
        return List.of("hold", "suspend", "abort", "cancel").contains(action);
    }
}
