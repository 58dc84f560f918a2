package org.pilotline.mes.quality.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.CloudEvent;
import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.MeasurementTaken;
import org.pilotline.mes.kit.messaging.EventEnvelope;
import org.pilotline.mes.kit.messaging.MqttHandler;
import org.pilotline.mes.quality.domain.InspectionService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Measurements to judge, and which lot each cell belongs to. */
@ApplicationScoped
public class EquipmentEventsHandler implements MqttHandler {

    private final InspectionService inspection;
    private final ObjectMapper json;

    EquipmentEventsHandler(InspectionService inspection, ObjectMapper json) {
        this.inspection = inspection;
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
            case EventTypes.Equipment.MEASUREMENT -> inspection.onMeasurement(event.id(),
                    EventEnvelope.data(json, event, MeasurementTaken.class));
            case EventTypes.Equipment.CELL_ASSEMBLED -> inspection.onCellAssembled(event.id(),
                    EventEnvelope.data(json, event, CellAssembled.class));
            default -> {
                // not a quality record
            }
        }
    }
}
