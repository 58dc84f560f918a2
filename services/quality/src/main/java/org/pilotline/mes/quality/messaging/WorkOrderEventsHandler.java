package org.pilotline.mes.quality.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.contracts.events.LotDecided;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;
import org.pilotline.mes.quality.domain.EnvironmentHolds;
import org.pilotline.mes.quality.domain.InspectionService;
import org.pilotline.mes.quality.domain.RoutingReleases;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Plans from released routings, which product each lot makes, and which lots are decided. */
@Singleton
public class WorkOrderEventsHandler extends DomainEventSubscription {

    WorkOrderEventsHandler(InspectionService inspection, RoutingReleases routings, EnvironmentHolds environment,
            ObjectMapper json) {
        super(Services.WORK_ORDERS, json);
        on(EventTypes.WorkOrders.ROUTING_RELEASED, RoutingReleased.class, routings::on);
        on(EventTypes.WorkOrders.LOT_CREATED, LotCreated.class, inspection::onLotCreated);
        on(EventTypes.WorkOrders.LOT_APPROVED, LotDecided.class, environment::onLotDecided);
        on(EventTypes.WorkOrders.LOT_REJECTED, LotDecided.class, environment::onLotDecided);
    }
}
