package org.pilotline.mes.contracts.events;

/** work-orders: a lot of a work order exists; cells of this lot belong to its product. */
public record LotCreated(String lot, String workOrder, String product, String routing, int routingVersion,
        int plannedQuantity) {
}
