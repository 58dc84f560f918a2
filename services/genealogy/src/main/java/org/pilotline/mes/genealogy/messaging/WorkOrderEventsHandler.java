package org.pilotline.mes.genealogy.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Learns which work order and product each lot belongs to. */
@Singleton
public class WorkOrderEventsHandler extends DomainEventSubscription {

    WorkOrderEventsHandler(GenealogyService genealogy, ObjectMapper json) {
        super(Services.WORK_ORDERS, json);
        on(EventTypes.WorkOrders.LOT_CREATED, LotCreated.class, genealogy::onLotCreated);
    }
}
