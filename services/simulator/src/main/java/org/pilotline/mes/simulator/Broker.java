package org.pilotline.mes.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3Connect;

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
        // credential and will on the client, not on the connect message: the automatic reconnect sends only what
        // the client holds, and without its credential a reconnect is refused "not authorised" for good
        Mqtt3ClientBuilder builder = Mqtt3Client.builder().identifier(clientId).serverHost(uri.getHost())
                .serverPort(uri.getPort() > 0 ? uri.getPort() : 1883)
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                // store and forward, as an edge gateway does: what the broker had not acknowledged when the
                // connection dropped is sent again on the new one (the MES keeps each message once by its eventId)
                .addDisconnectedListener(ctx -> ctx.getReconnector().republishIfSessionExpired(true));
        if (!options.username().isBlank()) {
            builder = builder.simpleAuth().username(options.username())
                    .password(options.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        if (willTopic != null) {
            builder = builder.willPublish().topic(willTopic).qos(MqttQos.AT_LEAST_ONCE).payload(willPayload)
                    .applyWillPublish();
        }
        Mqtt3AsyncClient client = builder.buildAsync();
        Mqtt3Connect connect = Mqtt3Connect.builder().cleanSession(true).keepAlive(30).build();
        client.connect(connect).join();
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
        try {
            client.disconnect().join();
        } catch (RuntimeException e) {
            // not connected (the broker is away): nothing to end
        }
    }
}
