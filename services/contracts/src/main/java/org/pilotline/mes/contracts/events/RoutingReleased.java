package org.pilotline.mes.contracts.events;

import java.util.List;

/** work-orders: a routing version was released for a product. */
public record RoutingReleased(String product, String stage, String routing, int version, List<OperationSpec> operations) {
}
