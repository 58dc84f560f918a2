package org.pilotline.mes.kit.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.pilotline.mes.kit.config.MesConfig;
import org.pilotline.mes.kit.problem.DependencyDown;

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
    // filled by the client's thread, drained by the dispatcher: arrival order is processing order
    private final BlockingQueue<Mqtt3Publish> inbound = new LinkedBlockingQueue<>();
    private final Thread dispatcher = new Thread(this::dispatchLoop, "mqtt-dispatch");
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
        boolean tls = "ssl".equals(uri.getScheme()) || "mqtts".equals(uri.getScheme());
        Mqtt3ClientBuilder builder = Mqtt3Client.builder().identifier(config.clientId())
                .serverHost(uri.getHost()).serverPort(uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883)
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
        if (tls) {
            // the JVM's trust store (javax.net.ssl.trustStore) decides which broker certificates are trusted
            builder = builder.sslWithDefaultConfig();
        }
        if (config.username().isPresent() && config.password().isPresent()) {
            builder = builder.simpleAuth().username(config.username().get())
                    .password(config.password().orElse("").getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        client = builder.buildAsync();
        // Registered before connecting: a persistent session may deliver queued messages at once.
        dispatcher.setDaemon(true);
        dispatcher.start();
        client.publishes(MqttGlobalPublishFilter.ALL, inbound::add, true);
        client.connectWith().cleanSession(false).keepAlive(30).send().whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.warnf("MQTT broker %s not reachable yet (%s); retrying", config.url(), failure.getMessage());
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            dispatcher.join(10_000);
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

    private void dispatchLoop() {
        List<Mqtt3Publish> batch = new ArrayList<>();
        while (!stopping) {
            try {
                Mqtt3Publish first = inbound.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                inbound.drainTo(batch, config.maxBatch() - 1);
                dispatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // never reached in normal operation: process() and the dead letters catch everything
                LOG.errorf(e, "MQTT dispatch failed; the batch stays unacknowledged and comes again");
            } finally {
                batch.clear();
            }
        }
    }

    /** Runs of consecutive messages for the same handler, each processed as one batch, then acknowledged. */
    private void dispatch(List<Mqtt3Publish> batch) {
        int start = 0;
        while (start < batch.size() && !stopping) {
            MqttHandler handler = handlerFor(batch.get(start).getTopic());
            int end = start + 1;
            while (end < batch.size() && handlerFor(batch.get(end).getTopic()) == handler) {
                end++;
            }
            List<Mqtt3Publish> run = batch.subList(start, end);
            if (handler == null) {
                run.forEach(p -> persistDeadLetter(p.getTopic().toString(), p.getPayloadAsBytes(), "no-handler",
                        "no consumer for this topic"));
            } else if (handler instanceof MqttBatchHandler batchHandler && run.size() > 1) {
                processBatch(batchHandler, run);
            } else {
                run.forEach(p -> process(handler, p.getTopic().toString(), p.getPayloadAsBytes()));
            }
            if (!stopping) {
                run.forEach(Mqtt3Publish::acknowledge);
            }
            start = end;
        }
    }

    /** One transaction for the run; if it fails, each message on its own so that one bad one cannot block all. */
    private void processBatch(MqttBatchHandler handler, List<Mqtt3Publish> run) {
        List<MqttBatchHandler.InboundMessage> messages = run.stream()
                .map(p -> new MqttBatchHandler.InboundMessage(p.getTopic().toString(), p.getPayloadAsBytes()))
                .toList();
        List<MqttBatchHandler.Rejection> rejected = null;
        Duration backoff = Duration.ofMillis(100);
        while (rejected == null) {
            try {
                rejected = handler.handleBatch(messages);
            } catch (Exception e) {
                if (!DependencyDown.causes(e)) {
                    LOG.warnf("a batch of %d messages on %s failed (%s); processing them one by one",
                            messages.size(), handler.topicFilter(), e.getMessage());
                    messages.forEach(m -> process(handler, m.topic(), m.payload()));
                    return;
                }
                if (stopping) {
                    return; // unacknowledged: the broker hands the batch over again after the restart
                }
                backoff = awaitDatabase(handler, messages.size(), e, backoff);
            }
        }
        for (MqttBatchHandler.Rejection r : rejected) {
            MqttBatchHandler.InboundMessage m = messages.get(r.index());
            persistDeadLetter(m.topic(), m.payload(), r.reason().category(), r.reason().getMessage());
        }
        metrics.counter("mes.mqtt.messages", "filter", handler.topicFilter())
                .increment(messages.size() - rejected.size());
    }

    /** Runs the handler; bad input goes to the dead letters, failures are retried with back-off first. */
    private void process(MqttHandler handler, String topic, byte[] payload) {
        Duration backoff = Duration.ofMillis(100);
        for (int attempt = 1; !stopping;) {
            try {
                handler.handle(topic, payload);
                metrics.counter("mes.mqtt.messages", "filter", handler.topicFilter()).increment();
                return;
            } catch (RejectedMessage rejected) {
                persistDeadLetter(topic, payload, rejected.category(), rejected.getMessage());
                return;
            } catch (Exception e) {
                if (DependencyDown.causes(e)) { // not the message's fault: it waits, however long, and keeps its tries
                    backoff = awaitDatabase(handler, 1, e, backoff);
                    continue;
                }
                if (attempt >= config.maxAttempts()) {
                    LOG.errorf(e, "giving up on a message on %s after %d attempts", topic, attempt);
                    persistDeadLetter(topic, payload, "processing-failed", String.valueOf(e.getMessage()));
                    return;
                }
                LOG.warnf("processing a message on %s failed (attempt %d): %s", topic, attempt++, e.getMessage());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
        }
    }

    /** Waits a while for the database (readiness says DOWN meanwhile); returns the next, longer wait. */
    private Duration awaitDatabase(MqttHandler handler, int messages, Exception e, Duration backoff) {
        LOG.warnf("database unavailable: %d message(s) on %s wait unacknowledged (%s)", messages,
                handler.topicFilter(), e.getMessage());
        sleep(backoff);
        return min(backoff.multipliedBy(2), MAX_BACKOFF);
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
