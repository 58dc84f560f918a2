package org.pilotline.mes.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3Connect;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;

/** The simulator's connection to the broker: QoS 1 publishes that complete on PUBACK. */
final class Broker implements AutoCloseable {

    private final Mqtt3AsyncClient client;

    private Broker(Mqtt3AsyncClient client) {
        this.client = client;
    }

    /** @param will topic and payload the broker publishes if this connection dies (Sparkplug NDEATH); may be null */
    static Broker connect(SimulatorOptions options, String willTopic, byte[] willPayload) {
        String url = options.broker();
        String clientId = options.clientId();
        URI uri = URI.create(url);
        Mqtt3AsyncClient client = Mqtt3Client.builder().identifier(clientId).serverHost(uri.getHost())
                .serverPort(uri.getPort() > 0 ? uri.getPort() : 1883).automaticReconnectWithDefaultConfig()
                .buildAsync();
        Mqtt3ConnectBuilder connect = Mqtt3Connect.builder().cleanSession(true).keepAlive(30);
        if (!options.username().isBlank()) {
            connect = connect.simpleAuth().username(options.username())
                    .password(options.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        if (willTopic != null) {
            connect = connect.willPublish().topic(willTopic).qos(MqttQos.AT_LEAST_ONCE).payload(willPayload)
                    .applyWillPublish();
        }
        client.connect(connect.build()).join();
        return new Broker(client);
    }

    CompletableFuture<Void> publish(String topic, byte[] payload) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                .thenApply(p -> null);
    }

    /** Calls back with (topic, payload) for every message on the filter. */
    void subscribe(String filter, BiConsumer<String, byte[]> callback) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> callback.accept(p.getTopic().toString(), p.getPayloadAsBytes())).send().join();
    }

    @Override
    public void close() {
        client.disconnect().join();
    }
}
