package org.pilotline.mes.kit.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.pilotline.mes.contracts.CloudEvent;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Consumes the domain events of one other service: reads the CloudEvents envelope, and hands the data of each
 * event type a subclass registered with {@link #on} to its action, with the event id for idempotency. Types
 * nobody registered are acknowledged and ignored: they are of no concern to this service.
 * <p>
 * An event is taken only from where its publisher puts it: topic {@code mes/v1/events/{publisher}/{type}} with the
 * envelope's own {@code type}, and {@code source} the publisher's (both as the kit's outbox writes them). The
 * broker's ACLs are the first lock (design brief, "Who may publish what"); this is the second, for a missing ACL or
 * a leaked credential. Anything else is a {@link RejectedMessage} ({@value #FORGED_ORIGIN}), whatever its type:
 * dead-lettered before any action runs, so it changes nothing here and does not use up its id in the inbox.
 * <p>
 * Subclasses are {@code @Singleton} beans that call {@link #on} in their constructor.
 */
public abstract class DomainEventSubscription implements MqttHandler {

    /** Dead-letter category of an event whose topic, type and source do not agree. */
    public static final String FORGED_ORIGIN = "forged-origin";

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
        checkOrigin(topic, event);
        Route<?> route = routes.get(event.type());
        if (route != null) {
            route.apply(json, event);
        }
    }

    /** Source first: an event of another service on this topic is named as such, not as a type mismatch. */
    private void checkOrigin(String topic, CloudEvent<JsonNode> event) {
        String source = Services.source(publisher);
        if (!source.equals(event.source())) {
            String found = event.source() == null ? "missing" : event.source();
            throw new RejectedMessage(FORGED_ORIGIN, "source " + found + " on a topic of " + publisher + ", expected "
                    + source);
        }
        String expected = Topics.event(publisher, event.type());
        if (!expected.equals(topic)) {
            throw new RejectedMessage(FORGED_ORIGIN, "type " + event.type() + " on topic " + topic + ", expected topic "
                    + expected);
        }
    }

    private record Route<T>(Class<T> dataType, BiConsumer<String, T> action) {
        void apply(ObjectMapper json, CloudEvent<JsonNode> event) {
            action.accept(event.id(), EventEnvelope.data(json, event, dataType));
        }
    }
}
