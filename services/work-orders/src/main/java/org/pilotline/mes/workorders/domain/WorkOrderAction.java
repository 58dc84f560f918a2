package org.pilotline.mes.workorders.domain;

import static org.pilotline.mes.workorders.domain.WorkOrderState.CREATED;
import static org.pilotline.mes.workorders.domain.WorkOrderState.HELD;
import static org.pilotline.mes.workorders.domain.WorkOrderState.RELEASED;
import static org.pilotline.mes.workorders.domain.WorkOrderState.RUNNING;
import static org.pilotline.mes.workorders.domain.WorkOrderState.SUSPENDED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a supervisor can do to a work order, from which ISA-95 states, and where it leads. This table is the
 * work-order state machine; anything it does not allow is refused with 409.
 */
public enum WorkOrderAction {
    /** created -> released: allowed to start; splits the order into lots. */
    RELEASE("released", false, EnumSet.of(CREATED)),
    /** released -> running. */
    START("started", false, EnumSet.of(RELEASED)),
    /** released or running -> held, until resumed. */
    HOLD("held", true, EnumSet.of(RELEASED, RUNNING)),
    /** held -> the state it was held from; suspended -> running. */
    RESUME("resumed", false, EnumSet.of(HELD, SUSPENDED)),
    /** running -> suspended (e.g. waiting for material). */
    SUSPEND("suspended", true, EnumSet.of(RUNNING)),
    /** running -> ended: the work is done. */
    END("ended", false, EnumSet.of(RUNNING)),
    /** running, held or suspended -> aborted: work started and stops for good. */
    ABORT("aborted", true, EnumSet.of(RUNNING, HELD, SUSPENDED)),
    /** created, released, or held before it ran -> cancelled: nothing was made. */
    CANCEL("cancelled", true, EnumSet.of(CREATED, RELEASED, HELD));

    private final String pastTense;
    private final boolean needsReason;
    private final Set<WorkOrderState> from;

    WorkOrderAction(String pastTense, boolean needsReason, Set<WorkOrderState> from) {
        this.pastTense = pastTense;
        this.needsReason = needsReason;
        this.from = from;
    }

    public boolean needsReason() {
        return needsReason;
    }

    /** As in event types: work-order.{pastTense}. */
    public String pastTense() {
        return pastTense;
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorkOrderAction> fromPath(String name) {
        return Arrays.stream(values()).filter(a -> a.pathName().equals(name)).findFirst();
    }

    /** @param heldFrom where a held order came from (an order that ran can be aborted, not cancelled) */
    public boolean allowedFrom(WorkOrderState state, WorkOrderState heldFrom) {
        if (this == CANCEL && state == HELD && heldFrom == RUNNING) {
            return false;
        }
        return from.contains(state);
    }

    public WorkOrderState target(WorkOrderState current, WorkOrderState heldFrom) {
        return switch (this) {
            case RELEASE -> RELEASED;
            case START -> RUNNING;
            case HOLD -> HELD;
            case RESUME -> current == HELD && heldFrom != null ? heldFrom : RUNNING;
            case SUSPEND -> SUSPENDED;
            case END -> WorkOrderState.ENDED;
            case ABORT -> WorkOrderState.ABORTED;
            case CANCEL -> WorkOrderState.CANCELLED;
        };
    }
}
