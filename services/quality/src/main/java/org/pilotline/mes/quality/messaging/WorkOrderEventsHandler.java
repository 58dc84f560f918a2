package org.pilotline.mes.quality.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;
import org.pilotline.mes.quality.domain.InspectionService;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Plans from released routings, and which product each lot makes. */
@Singleton
public class WorkOrderEventsHandler extends DomainEventSubscription {

    WorkOrderEventsHandler(InspectionService inspection, ObjectMapper json) {
        super(Services.WORK_ORDERS, json);
        on(EventTypes.WorkOrders.ROUTING_RELEASED, RoutingReleased.class, inspection::onRoutingReleased);
        on(EventTypes.WorkOrders.LOT_CREATED, LotCreated.class, inspection::onLotCreated);
    }
}
