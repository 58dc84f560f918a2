package org.pilotline.mes.equipment.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.equipment.domain.Inbound;
import org.pilotline.mes.equipment.domain.IngestService;
import org.pilotline.mes.equipment.domain.JsonMessageDecoder;
import org.pilotline.mes.kit.messaging.MqttBatchHandler;
import org.pilotline.mes.kit.messaging.RejectedMessage;

/** Everything equipment publishes as JSON on mes/v1/{site}/{area}/{line}/{equipmentId}/{channel}. */
@ApplicationScoped
public class EquipmentMessageHandler implements MqttBatchHandler {

    private final JsonMessageDecoder decoder;
    private final IngestService ingest;

    EquipmentMessageHandler(JsonMessageDecoder decoder, IngestService ingest) {
        this.decoder = decoder;
        this.ingest = ingest;
    }

    @Override
    public String topicFilter() {
        return Topics.EQUIPMENT_FILTER;
    }

    @Override
    public List<Rejection> handleBatch(List<InboundMessage> messages) {
        List<Inbound> accepted = new ArrayList<>(messages.size());
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                accepted.add(decoder.decode(messages.get(i).topic(), messages.get(i).payload()));
            } catch (RejectedMessage e) {
                rejected.add(new Rejection(i, e));
            }
        }
        ingest.ingest(accepted);
        return rejected;
    }
}
