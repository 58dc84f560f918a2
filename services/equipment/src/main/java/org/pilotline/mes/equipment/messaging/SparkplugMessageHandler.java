package org.pilotline.mes.equipment.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.pilotline.mes.contracts.sparkplug.SparkplugPayload;
import org.pilotline.mes.contracts.sparkplug.SparkplugTopic;
import org.pilotline.mes.equipment.domain.IngestService;
import org.pilotline.mes.equipment.domain.SparkplugDecoder;
import org.pilotline.mes.equipment.domain.SparkplugSessions;
import org.pilotline.mes.kit.messaging.MqttBatchHandler;
import org.pilotline.mes.kit.messaging.MqttConnection;
import org.pilotline.mes.kit.messaging.RejectedMessage;

/**
 * Everything published under spBv1.0/#: decoded against the nodes' sessions, ingested like JSON messages, and
 * after the batch has committed, rebirth requests (NCMD Node Control/Rebirth = true) to nodes whose sequence
 * broke.
 */
@ApplicationScoped
public class SparkplugMessageHandler implements MqttBatchHandler {

    private static final Logger LOG = Logger.getLogger(SparkplugMessageHandler.class);

    private final SparkplugDecoder decoder;
    private final SparkplugSessions sessions;
    private final IngestService ingest;
    private final MqttConnection mqtt;

    SparkplugMessageHandler(SparkplugDecoder decoder, SparkplugSessions sessions, IngestService ingest,
            MqttConnection mqtt) {
        this.decoder = decoder;
        this.sessions = sessions;
        this.ingest = ingest;
        this.mqtt = mqtt;
    }

    @Override
    public String topicFilter() {
        return SparkplugTopic.FILTER;
    }

    @Override
    public List<Rejection> handleBatch(List<InboundMessage> messages) {
        SparkplugSessions.Batch batch = sessions.begin();
        List<SparkplugDecoder.Decoded> decoded = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                decoded.add(decoder.decode(batch, messages.get(i).topic(), messages.get(i).payload()));
            } catch (RejectedMessage e) {
                rejected.add(new Rejection(i, e));
            }
        }
        ingest.ingestSparkplug(decoded, batch.definitions());
        requestRebirths(batch.commit());
        return rejected;
    }

    private void requestRebirths(Set<String> nodes) {
        for (String node : nodes) {
            String[] groupAndNode = node.split("/", 2);
            byte[] command = new SparkplugPayload(System.currentTimeMillis(), null, List.of(
                    new SparkplugPayload.Metric(SparkplugTopic.REBIRTH, null, null, SparkplugPayload.BOOLEAN, false,
                            false, true))).encode();
            LOG.infof("asking Sparkplug edge node %s for a rebirth", node);
            mqtt.publish(SparkplugTopic.of(groupAndNode[0], "NCMD", groupAndNode[1], null), command)
                    .exceptionally(t -> {
                        LOG.warnf("rebirth request to %s not sent: %s", node, t.getMessage());
                        return null;
                    });
        }
    }
}
