package org.pilotline.mes.kit.messaging;

import java.io.IOException;
import java.time.Instant;

import org.pilotline.mes.contracts.CloudEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a CloudEvents message from another service; anything that is not one is rejected. */
public final class EventEnvelope {

    private EventEnvelope() {
    }

    public static CloudEvent<JsonNode> read(ObjectMapper json, byte[] payload) {
        JsonNode tree;
        try {
            tree = json.readTree(payload);
        } catch (IOException e) {
            throw new RejectedMessage("malformed", "not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new RejectedMessage("malformed", "not a JSON object");
        }
        if (!CloudEvent.SPEC_VERSION.equals(tree.path("specversion").asText())) {
            throw new RejectedMessage("malformed", "not a CloudEvents 1.0 event");
        }
        String id = tree.path("id").asText("");
        String type = tree.path("type").asText("");
        if (id.isBlank() || type.isBlank() || !tree.hasNonNull("data")) {
            throw new RejectedMessage("malformed", "event without id, type or data");
        }
        Instant time;
        try {
            time = tree.hasNonNull("time") ? Instant.parse(tree.get("time").asText()) : null;
        } catch (RuntimeException e) {
            throw new RejectedMessage("malformed", "time is not ISO-8601");
        }
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, id, tree.path("source").asText(null), type,
                tree.path("subject").asText(null), time, tree.path("datacontenttype").asText(null), tree.get("data"));
    }

    /** The event's data as a contract record; a mismatch is bad input. */
    public static <T> T data(ObjectMapper json, CloudEvent<JsonNode> event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedMessage("malformed", "data of " + event.type() + " does not fit: " + e.getMessage());
        }
    }
}
