package org.pilotline.mes.equipment.domain;

import java.io.IOException;

import org.pilotline.mes.contracts.Topics.Channel;
import org.pilotline.mes.contracts.Topics.EquipmentTopic;
import org.pilotline.mes.kit.messaging.RejectedMessage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Does a JSON payload say the same as its topic? The topic says who sent it and on which channel, and the broker's
 * ACLs keep a machine to its own topics; this is the second lock, for a missing ACL, a shared credential or a
 * gateway that mixes up its machines. The v1 payloads need not name their sender, but when one does (site, area,
 * line, equipmentId, equipment or machine; channel or kind) it must name the topic's; and a payload of another
 * channel's shape (a state message on an alarm topic) is told apart from a merely malformed one.
 * <p>
 * One pass over the top-level field names with the streaming parser, no tree: this runs for every message. Bytes
 * that are not a JSON object are left to the channel's reader, which says what is wrong with them.
 */
final class TopicAgreement {

    static final String MISMATCH = "topic-payload-mismatch";

    private TopicAgreement() {
    }

    static void check(JsonFactory factory, EquipmentTopic topic, byte[] payload) {
        Channel shape = null;
        boolean ownShape = false;
        try (JsonParser p = factory.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isStructStart()) {
                    p.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    named(topic, field, p.getText());
                }
                Channel marks = shapeOf(field);
                if (marks == topic.channel()) {
                    ownShape = true;
                } else if (marks != null && shape == null) {
                    shape = marks;
                }
            }
        } catch (IOException e) {
            return; // not JSON: the channel's reader rejects it as malformed, with the parser's words
        }
        if (!ownShape && shape != null) {
            throw new RejectedMessage(MISMATCH, "payload is shaped for the " + shape.topicName() + " channel (it has "
                    + mark(shape) + ", no " + mark(topic.channel()) + "), its topic's channel is "
                    + topic.channel().topicName());
        }
    }

    /** A field that names the sender or the channel must name the topic's. */
    private static void named(EquipmentTopic topic, String field, String value) {
        String expected = switch (field) {
            case "site" -> topic.site();
            case "area" -> topic.area();
            case "line" -> topic.line();
            case "equipmentId", "equipment", "machine" -> topic.equipmentId();
            case "channel", "kind" -> topic.channel().topicName();
            default -> null;
        };
        // ids are case-sensitive; a channel may come as its enum name (STATE)
        boolean agrees = field.equals("channel") || field.equals("kind") ? expected.equalsIgnoreCase(value)
                : expected == null || expected.equals(value);
        if (!agrees) {
            throw new RejectedMessage(MISMATCH, "payload names " + field + " '" + value + "', its topic '" + expected
                    + "'");
        }
    }

    /** The field only a message of that channel has. */
    private static String mark(Channel channel) {
        return switch (channel) {
            case STATE -> "state";
            case ALARM -> "code";
            case DATA -> "values";
            case EVENT -> "type";
        };
    }

    private static Channel shapeOf(String field) {
        return switch (field) {
            case "state" -> Channel.STATE;
            case "code" -> Channel.ALARM;
            case "values" -> Channel.DATA;
            case "type" -> Channel.EVENT;
            default -> null;
        };
    }
}
