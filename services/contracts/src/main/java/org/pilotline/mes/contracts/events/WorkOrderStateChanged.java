package org.pilotline.mes.contracts.events;

import java.time.Instant;

/** work-orders: a work order moved from one ISA-95 state to another (held, resumed, ended, ...). */
public record WorkOrderStateChanged(String workOrder, String product, String from, String to, String reason,
        String by, Instant at) {
}
