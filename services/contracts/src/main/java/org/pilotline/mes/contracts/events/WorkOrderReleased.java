package org.pilotline.mes.contracts.events;

/** work-orders: a work order was released to the floor. */
public record WorkOrderReleased(String workOrder, String product, String routing, int routingVersion,
        int plannedQuantity) {
}
