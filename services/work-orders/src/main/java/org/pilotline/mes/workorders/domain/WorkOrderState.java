package org.pilotline.mes.workorders.domain;

/**
 * ISA-95 job-order states: created (not allowed to start), released (allowed to start), running, held,
 * suspended, and the final ended, aborted and cancelled. The moves between them are {@link WorkOrderAction}s.
 */
public enum WorkOrderState {
    CREATED, RELEASED, RUNNING, HELD, SUSPENDED, ENDED, ABORTED, CANCELLED
}
