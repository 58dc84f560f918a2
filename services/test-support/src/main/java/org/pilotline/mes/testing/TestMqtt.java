package org.pilotline.mes.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.ConfigProvider;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;

/** An MQTT client for tests: plays equipment (publish) or another service (collect events). */
public final class TestMqtt implements AutoCloseable {

    private final Mqtt3BlockingClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestMqtt(String url, String username, String password) {
        URI uri = URI.create(url);
        var builder = Mqtt3Client.builder().identifier("test-" + UUID.randomUUID()).serverHost(uri.getHost())
                .serverPort(uri.getPort());
        if (username != null) {
            builder = builder.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        client = builder.buildBlocking();
        client.connect();
    }

    /**
     * Connects to the broker of the service under test (the one {@link PlantTestResource} started) with the tests'
     * own account, which may publish and read anything.
     */
    public static TestMqtt connect() {
        return new TestMqtt(ConfigProvider.getConfig().getValue("mes.mqtt.url", String.class),
                PlantTestResource.HARNESS.username(), PlantTestResource.HARNESS.password());
    }

    /** Connects with the given account (null: anonymous). */
    public static TestMqtt connect(String url, String username, String password) {
        return new TestMqtt(url, username, password);
    }

    public void publish(String topic, String json) {
        publish(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A binary payload, e.g. Sparkplug B. */
    public void publish(String topic, byte[] payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    }

    /**
     * A publish the broker may refuse: Mosquitto acknowledges and drops it, Moquette drops it without an
     * acknowledgement, so this waits at most two seconds for one.
     */
    public void publishMayBeRefused(String topic, String json) {
        try {
            client.toAsync().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(json.getBytes(StandardCharsets.UTF_8)).send().get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException refused) {
            // refused: what the caller checks is that it went nowhere
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Collects every message on the filter from now on. Moquette 0.17 may drop a SUBSCRIBE that follows CONNACK
     * too closely and close the connection; the services' clients reconnect and resubscribe by themselves, this
     * one tries again on a fresh connection.
     */
    public TestMqtt collect(String topicFilter) {
        for (int attempt = 1;; attempt++) {
            try {
                client.toAsync().subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE)
                        .callback(p -> received.add(new Received(p.getTopic().toString(),
                                new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), p.getPayloadAsBytes())))
                        .send().join();
                return this;
            } catch (CompletionException e) {
                if (attempt == 3) {
                    throw e;
                }
                if (!client.getState().isConnected()) {
                    client.connect();
                }
            }
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        client.disconnect();
    }

    /** payload: as UTF-8 text; bytes: as sent. */
    public record Received(String topic, String payload, byte[] bytes) {
    }
}
