package org.pilotline.mes.kit.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.pilotline.mes.contracts.CloudEvent;
import org.pilotline.mes.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Consumes the domain events of one other service: reads the CloudEvents envelope, and hands the data of each
 * event type a subclass registered with {@link #on} to its action, with the event id for idempotency. Types
 * nobody registered are acknowledged and ignored: they are of no concern to this service.
 * <p>
 * Subclasses are {@code @Singleton} beans that call {@link #on} in their constructor.
 */
public abstract class DomainEventSubscription implements MqttHandler {

    private final String publisher;
    private final ObjectMapper json;
    private final Map<String, Route<?>> routes = new HashMap<>();

    protected DomainEventSubscription(String publisher, ObjectMapper json) {
        this.publisher = publisher;
        this.json = json;
    }

    /** On an event of {@code type}, call {@code action(eventId, data)}. */
    protected <T> void on(String type, Class<T> dataType, BiConsumer<String, T> action) {
        routes.put(type, new Route<>(dataType, action));
    }

    @Override
    public String topicFilter() {
        return Topics.eventsOf(publisher);
    }

    @Override
    public void handle(String topic, byte[] payload) {
        CloudEvent<JsonNode> event = EventEnvelope.read(json, payload);
        Route<?> route = routes.get(event.type());
        if (route != null) {
            route.apply(json, event);
        }
    }

    private record Route<T>(Class<T> dataType, BiConsumer<String, T> action) {
        void apply(ObjectMapper json, CloudEvent<JsonNode> event) {
            action.accept(event.id(), EventEnvelope.data(json, event, dataType));
        }
    }
}
