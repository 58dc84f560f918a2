package org.pilotline.mes.genealogy.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.CloudEvent;
import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.kit.messaging.EventEnvelope;
import org.pilotline.mes.kit.messaging.MqttHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Learns which work order and product each lot belongs to. */
@ApplicationScoped
public class WorkOrderEventsHandler implements MqttHandler {

    private final GenealogyService genealogy;
    private final ObjectMapper json;

    WorkOrderEventsHandler(GenealogyService genealogy, ObjectMapper json) {
        this.genealogy = genealogy;
        this.json = json;
    }

    @Override
    public String topicFilter() {
        return Topics.eventsOf(Services.WORK_ORDERS);
    }

    @Override
    public void handle(String topic, byte[] payload) {
        CloudEvent<JsonNode> event = EventEnvelope.read(json, payload);
        if (EventTypes.WorkOrders.LOT_CREATED.equals(event.type())) {
            genealogy.onLotCreated(event.id(), EventEnvelope.data(json, event, LotCreated.class));
        }
    }
}
