package org.pilotline.mes.genealogy.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.contracts.events.LotDecided;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.genealogy.domain.CellProgress;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Learns which work order and product each lot belongs to, the stage of each product, and lot decisions. */
@Singleton
public class WorkOrderEventsHandler extends DomainEventSubscription {

    WorkOrderEventsHandler(GenealogyService genealogy, CellProgress cells, ObjectMapper json) {
        super(Services.WORK_ORDERS, json);
        on(EventTypes.WorkOrders.LOT_CREATED, LotCreated.class, genealogy::onLotCreated);
        on(EventTypes.WorkOrders.ROUTING_RELEASED, RoutingReleased.class, cells::onRoutingReleased);
        on(EventTypes.WorkOrders.LOT_APPROVED, LotDecided.class, cells::onLotDecided);
        on(EventTypes.WorkOrders.LOT_REJECTED, LotDecided.class, cells::onLotDecided);
    }
}
