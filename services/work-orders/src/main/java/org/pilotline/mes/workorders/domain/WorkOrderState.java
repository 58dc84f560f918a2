package org.pilotline.mes.workorders.domain;

import java.util.EnumSet;
import java.util.Set;

/** ISA-95 job-order states and the moves between them. */
public enum WorkOrderState {
    CREATED, RELEASED, RUNNING, HELD, SUSPENDED, ENDED, ABORTED, CANCELLED;

    public Set<WorkOrderState> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(RELEASED, CANCELLED);
            case RELEASED -> EnumSet.of(RUNNING, HELD, CANCELLED);
            case RUNNING -> EnumSet.of(HELD, SUSPENDED, ENDED, ABORTED);
            case HELD -> EnumSet.of(RELEASED, RUNNING, ABORTED, CANCELLED);
            case SUSPENDED -> EnumSet.of(RUNNING, ABORTED);
            case ENDED, ABORTED, CANCELLED -> EnumSet.noneOf(WorkOrderState.class);
        };
    }

    public boolean canMoveTo(WorkOrderState target) {
        return next().contains(target);
    }
}
