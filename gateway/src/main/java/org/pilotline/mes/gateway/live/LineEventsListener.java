package org.pilotline.mes.gateway.live;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.gateway.config.UiConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

import io.quarkus.runtime.Startup;

/**
 * Listens to the MES's domain events (never the raw equipment topics) and turns them into signals for the open
 * screens. A clean session without acknowledgement to keep: a screen that misses a signal refreshes on its own
 * schedule anyway, and a restarted gateway has no screens to tell. The UI works without it; a broker that is down
 * only slows the screens to their own refresh.
 */
@ApplicationScoped
@Startup
public class LineEventsListener {

    private static final Logger LOG = Logger.getLogger(LineEventsListener.class);
    private static final List<String> SERVICES = List.of("work-orders", "equipment", "quality");
    /**
     * What the line view shows and is told about at once: a machine's state, an alarm raised or cleared, work
     * started or completed at a machine (its lot, the WIP, the shift's units); atmospheres besides.
     */
    static final Set<String> LINE_EVENTS = Set.of(EventTypes.Equipment.STATE_CHANGED,
            EventTypes.Equipment.ALARM_RAISED, EventTypes.Equipment.ALARM_CLEARED, EventTypes.Equipment.UNIT_STARTED,
            EventTypes.Equipment.UNIT_COMPLETED);

    private final Signals signals;
    private final ObjectMapper json;
    private final Mqtt3AsyncClient client;

    LineEventsListener(UiConfig config, Signals signals, ObjectMapper json) {
        this.signals = signals;
        this.json = json;
        URI broker = URI.create(config.mqttUrl());
        boolean tls = "ssl".equals(broker.getScheme()) || "mqtts".equals(broker.getScheme());
        var builder = MqttClient.builder().useMqttVersion3().identifier("mes-gateway-" + UUID.randomUUID())
                .serverHost(broker.getHost()).serverPort(broker.getPort() > 0 ? broker.getPort() : tls ? 8883 : 1883)
                .automaticReconnect().initialDelay(1, TimeUnit.SECONDS).maxDelay(10, TimeUnit.SECONDS).applyAutomaticReconnect()
                .addConnectedListener(c -> subscribe());
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        if (config.mqttUsername().isPresent() && config.mqttPassword().isPresent()) {
            builder = builder.simpleAuth().username(config.mqttUsername().get())
                    .password(config.mqttPassword().get().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        this.client = builder.buildAsync();
        client.connectWith().cleanSession(true).send().whenComplete((ack, e) -> {
            if (e != null) {
                LOG.warnf("MQTT broker %s not reachable (%s): screens refresh on their own schedule until it is", broker,
                        e.getMessage());
            }
        });
    }

    private void subscribe() {
        for (String service : SERVICES) {
            client.subscribeWith().topicFilter(Topics.eventsOf(service)).qos(MqttQos.AT_MOST_ONCE)
                    .callback(this::onEvent).send();
        }
        LOG.info("listening to the MES's events for the screens");
    }

    void onEvent(Mqtt3Publish message) {
        String topic = message.getTopic().toString();
        String type = topic.substring(topic.lastIndexOf('/') + 1);
        if (LINE_EVENTS.contains(type) || type.startsWith("environment.excursion")) {
            signals.lineChanged();
        }
        if (EventTypes.Equipment.STATE_CHANGED.equals(type)) {
            try {
                JsonNode event = json.readTree(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8));
                String station = event.path("subject").asText(null);
                if (station != null) {
                    signals.stationChanged(station);
                }
            } catch (java.io.IOException e) {
                LOG.debugf("unreadable event on %s: %s", topic, e.getMessage());
            }
        } else if (topic.contains("/work-orders/") || type.startsWith("hold.")) {
            signals.workChanged();
        }
        if (type.startsWith("hold.")) {
            signals.holdsChanged();
        }
    }

    @PreDestroy
    void close() {
        client.disconnect();
    }
}
