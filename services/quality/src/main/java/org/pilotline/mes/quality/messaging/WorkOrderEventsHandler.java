package org.pilotline.mes.quality.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.CloudEvent;
import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.kit.messaging.EventEnvelope;
import org.pilotline.mes.kit.messaging.MqttHandler;
import org.pilotline.mes.quality.domain.InspectionService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plans from released routings, and which product each lot makes. */
@ApplicationScoped
public class WorkOrderEventsHandler implements MqttHandler {

    private final InspectionService inspection;
    private final ObjectMapper json;

    WorkOrderEventsHandler(InspectionService inspection, ObjectMapper json) {
        this.inspection = inspection;
        this.json = json;
    }

    @Override
    public String topicFilter() {
        return Topics.eventsOf(Services.WORK_ORDERS);
    }

    @Override
    public void handle(String topic, byte[] payload) {
        CloudEvent<JsonNode> event = EventEnvelope.read(json, payload);
        switch (event.type()) {
            case EventTypes.WorkOrders.ROUTING_RELEASED -> inspection.onRoutingReleased(event.id(),
                    EventEnvelope.data(json, event, RoutingReleased.class));
            case EventTypes.WorkOrders.LOT_CREATED -> inspection.onLotCreated(event.id(),
                    EventEnvelope.data(json, event, LotCreated.class));
            default -> {
                // other work-order events do not change quality records
            }
        }
    }
}
