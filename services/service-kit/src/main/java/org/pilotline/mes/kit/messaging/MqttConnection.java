package org.pilotline.mes.kit.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.pilotline.mes.kit.config.MesConfig;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The service's one MQTT connection (HiveMQ client, MQTT 3.1.1).
 * <p>
 * Why not the SmallRye MQTT connector: it acknowledges a message when it arrives, before it is processed, so a
 * crash loses what was in flight. Here a message is acknowledged only after its handler has committed its effect
 * (design brief, section 4), and the session is persistent (fixed client id, clean session off), so the broker
 * keeps what arrives while the service is down.
 */
@ApplicationScoped
public class MqttConnection {

    private static final Logger LOG = Logger.getLogger(MqttConnection.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final MesConfig.Mqtt config;
    private final List<MqttHandler> handlers;
    private final List<MqttTopicFilter> filters; // parsed once, matched on every message
    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mqtt-dispatch");
        t.setDaemon(true);
        return t;
    });
    private Mqtt3AsyncClient client;
    private volatile boolean stopping;

    MqttConnection(MesConfig config, @Any Instance<MqttHandler> handlers, DeadLetters deadLetters,
            MeterRegistry metrics) {
        this.config = config.mqtt();
        this.handlers = handlers.stream().toList();
        this.filters = this.handlers.stream().map(h -> MqttTopicFilter.of(h.topicFilter())).toList();
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        URI uri = URI.create(config.url());
        Mqtt3ClientBuilder builder = Mqtt3Client.builder().identifier(config.clientId())
                .serverHost(uri.getHost()).serverPort(uri.getPort() > 0 ? uri.getPort() : 1883)
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> {
                    LOG.infof("MQTT connected to %s as %s", config.url(), config.clientId());
                    subscribeAll();
                })
                .addDisconnectedListener(ctx -> {
                    if (!stopping) {
                        LOG.warnf("MQTT disconnected from %s: %s", config.url(), ctx.getCause().getMessage());
                    }
                });
        if (config.username().isPresent()) {
            builder = builder.simpleAuth().username(config.username().get())
                    .password(config.password().orElse("").getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        client = builder.buildAsync();
        // Registered before connecting: a persistent session may deliver queued messages at once.
        client.publishes(MqttGlobalPublishFilter.ALL, p -> dispatcher.execute(() -> dispatch(p)), true);
        client.connectWith().cleanSession(false).keepAlive(30).send().whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.warnf("MQTT broker %s not reachable yet (%s); retrying", config.url(), failure.getMessage());
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        dispatcher.shutdown();
        try {
            dispatcher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client != null && client.getState().isConnected()) {
            client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
    }

    public boolean isConnected() {
        return client != null && client.getState() == MqttClientState.CONNECTED;
    }

    /** Publishes with QoS 1; completes when the broker has acknowledged (PUBACK). */
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                .thenApply(p -> null);
    }

    private void subscribeAll() {
        for (MqttHandler h : handlers) {
            client.subscribeWith().topicFilter(h.topicFilter()).qos(MqttQos.AT_LEAST_ONCE).send()
                    .whenComplete((ack, failure) -> {
                        if (failure != null) {
                            LOG.errorf(failure, "could not subscribe to %s", h.topicFilter());
                        }
                    });
        }
    }

    private void dispatch(Mqtt3Publish publish) {
        String topic = publish.getTopic().toString();
        byte[] payload = publish.getPayloadAsBytes();
        MqttHandler handler = handlerFor(publish.getTopic());
        if (handler == null) {
            persistDeadLetter(topic, payload, "no-handler", "no consumer for this topic");
        } else {
            process(handler, topic, payload);
        }
        if (!stopping) {
            publish.acknowledge();
        }
    }

    /** Runs the handler; bad input goes to the dead letters, failures are retried with back-off first. */
    private void process(MqttHandler handler, String topic, byte[] payload) {
        Duration backoff = Duration.ofMillis(100);
        for (int attempt = 1; !stopping; attempt++) {
            try {
                handler.handle(topic, payload);
                metrics.counter("mes.mqtt.messages", "filter", handler.topicFilter()).increment();
                return;
            } catch (RejectedMessage rejected) {
                persistDeadLetter(topic, payload, rejected.category(), rejected.getMessage());
                return;
            } catch (Exception e) {
                if (attempt >= config.maxAttempts()) {
                    LOG.errorf(e, "giving up on a message on %s after %d attempts", topic, attempt);
                    persistDeadLetter(topic, payload, "processing-failed", String.valueOf(e.getMessage()));
                    return;
                }
                LOG.warnf("processing a message on %s failed (attempt %d): %s", topic, attempt, e.getMessage());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
        }
    }

    /** The dead letter must be written before the message is acknowledged: try until the database answers. */
    private void persistDeadLetter(String topic, byte[] payload, String category, String reason) {
        Duration backoff = Duration.ofMillis(200);
        while (!stopping) {
            try {
                deadLetters.record(topic, payload, category, reason);
                LOG.infof("dead letter on %s: %s: %s", topic, category, reason);
                return;
            } catch (RuntimeException e) {
                LOG.errorf("could not record a dead letter (%s); retrying", e.getMessage());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
        }
    }

    private MqttHandler handlerFor(MqttTopic topic) {
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).matches(topic)) {
                return handlers.get(i);
            }
        }
        return null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
