package org.pilotline.mes.equipment.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.equipment.domain.IngestService;
import org.pilotline.mes.kit.messaging.MqttHandler;
import org.pilotline.mes.kit.messaging.RejectedMessage;

/** Everything equipment publishes on mes/v1/{site}/{area}/{line}/{equipmentId}/{channel}. */
@ApplicationScoped
public class EquipmentMessageHandler implements MqttHandler {

    private final IngestService ingest;

    EquipmentMessageHandler(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public String topicFilter() {
        return Topics.EQUIPMENT_FILTER;
    }

    @Override
    public void handle(String topic, byte[] payload) {
        Topics.EquipmentTopic parsed = Topics.parseEquipment(topic).orElseThrow(
                () -> new RejectedMessage("bad-topic", "not an equipment topic of the v1 contract"));
        ingest.ingest(parsed, payload);
    }
}
