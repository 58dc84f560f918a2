package org.pilotline.mes.genealogy.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.CloudEvent;
import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.MaterialProduced;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.kit.messaging.EventEnvelope;
import org.pilotline.mes.kit.messaging.MqttHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the graph from equipment's normalised events; other equipment events are not genealogy's concern. */
@ApplicationScoped
public class EquipmentEventsHandler implements MqttHandler {

    private final GenealogyService genealogy;
    private final ObjectMapper json;

    EquipmentEventsHandler(GenealogyService genealogy, ObjectMapper json) {
        this.genealogy = genealogy;
        this.json = json;
    }

    @Override
    public String topicFilter() {
        return Topics.eventsOf(Services.EQUIPMENT);
    }

    @Override
    public void handle(String topic, byte[] payload) {
        CloudEvent<JsonNode> event = EventEnvelope.read(json, payload);
        switch (event.type()) {
            case EventTypes.Equipment.MATERIAL_PRODUCED -> genealogy.onMaterialProduced(event.id(),
                    EventEnvelope.data(json, event, MaterialProduced.class));
            case EventTypes.Equipment.CELL_ASSEMBLED -> genealogy.onCellAssembled(event.id(),
                    EventEnvelope.data(json, event, CellAssembled.class));
            default -> {
                // states, measurements, ...: not part of the as-built graph
            }
        }
    }
}
