package org.pilotline.mes.equipment.domain;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.contracts.Topics.Channel;
import org.pilotline.mes.contracts.Topics.EquipmentTopic;
import org.pilotline.mes.contracts.equipment.AlarmMessage;
import org.pilotline.mes.contracts.equipment.DataMessage;
import org.pilotline.mes.contracts.equipment.EquipmentEvent;
import org.pilotline.mes.contracts.equipment.StateMessage;
import org.pilotline.mes.equipment.domain.EquipmentDirectory.EquipmentRef;
import org.pilotline.mes.kit.messaging.RejectedMessage;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads a JSON message of the v1 contract (design brief, section 3): sender registered at the place its topic
 * says, a payload that names no other sender or channel than its topic ({@link TopicAgreement}), of the channel's
 * shape with every required field. Anything else is a {@link RejectedMessage}.
 */
@ApplicationScoped
public class JsonMessageDecoder {

    private final EquipmentDirectory directory;
    private final ObjectMapper json;
    private final Duration maxClockAhead;
    private final Clock clock = Clock.systemUTC();
    /** One reader per channel record, built once: the hot path makes none. */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    JsonMessageDecoder(EquipmentDirectory directory, ObjectMapper json,
            @ConfigProperty(name = "equipment.ingest.max-clock-ahead", defaultValue = "PT1H") Duration maxClockAhead) {
        this.directory = directory;
        this.json = json;
        this.maxClockAhead = maxClockAhead;
    }

    public Inbound decode(String topicName, byte[] payload) {
        EquipmentTopic topic = Topics.parseEquipment(topicName).orElseThrow(
                () -> new RejectedMessage("bad-topic", "not an equipment topic of the v1 contract"));
        EquipmentRef eq = registered(topic.equipmentId());
        if (!eq.site().equals(topic.site()) || !eq.area().equals(topic.area()) || !eq.line().equals(topic.line())) {
            throw new RejectedMessage("topic-mismatch", "equipment " + eq.id() + " is registered at " + eq.site()
                    + "/" + eq.area() + "/" + eq.line() + ", not " + topic.site() + "/" + topic.area() + "/"
                    + topic.line());
        }
        storable(payload);
        TopicAgreement.check(json.getFactory(), topic, payload);
        // read straight into the channel's record (no tree: this is the hot path); the text as sent is the record
        return switch (topic.channel()) {
            case STATE -> {
                StateMessage m = read(payload, StateMessage.class);
                envelope(m.eventId(), m.ts());
                MessageRules.state(m.state(), m.mode());
                yield new Inbound(eq, Channel.STATE, m.eventId(), m.ts(), text(payload), m);
            }
            case ALARM -> {
                AlarmMessage m = read(payload, AlarmMessage.class);
                envelope(m.eventId(), m.ts());
                MessageRules.alarm(m);
                yield new Inbound(eq, Channel.ALARM, m.eventId(), m.ts(), text(payload), m);
            }
            case DATA -> {
                DataMessage m = read(payload, DataMessage.class);
                envelope(m.eventId(), m.ts());
                MessageRules.data(m);
                yield new Inbound(eq, Channel.DATA, m.eventId(), m.ts(), null, m);
            }
            case EVENT -> {
                EquipmentEvent e = read(payload, EquipmentEvent.class);
                envelope(e.eventId(), e.ts());
                if (e.type() == null) {
                    throw new RejectedMessage("malformed", "event without type");
                }
                EventValidation.check(e);
                yield new Inbound(eq, Channel.EVENT, e.eventId(), e.ts(), text(payload), e);
            }
        };
    }

    /** The sender, if registered. */
    EquipmentRef registered(String equipmentId) {
        return directory.find(equipmentId).orElseThrow(() -> new RejectedMessage("unknown-equipment",
                "equipment " + equipmentId + " is not registered"));
    }

    /** Every message: an eventId to recognise a redelivery by, and a time not in the future of this clock. */
    void envelope(String eventId, Instant ts) {
        if (eventId == null || eventId.isBlank() || eventId.length() > 200) {
            throw new RejectedMessage("malformed", "eventId missing or longer than 200 characters");
        }
        if (ts == null) {
            throw new RejectedMessage("malformed", "ts missing");
        }
        if (ts.isAfter(clock.instant().plus(maxClockAhead))) {
            throw new RejectedMessage("clock-ahead", "ts " + ts + " is more than " + maxClockAhead.toMinutes()
                    + " minutes ahead of the MES clock: the equipment's clock needs setting");
        }
    }

    /** Trailing content would pass the record but not the jsonb column: refused here. */
    private ObjectReader reader(Class<?> type) {
        return json.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private <T> T read(byte[] payload, Class<T> type) {
        try {
            T value = readers.computeIfAbsent(type, this::reader).readValue(payload);
            if (value == null) {
                throw new RejectedMessage("malformed", "payload is not a JSON object");
            }
            return value;
        } catch (StreamReadException e) {
            throw new RejectedMessage("malformed", "payload is not JSON: " + e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedMessage("malformed", "payload does not fit the " + type.getSimpleName()
                    + " contract: " + e.getMessage().split("\n")[0]);
        }
    }

    /**
     * Refuses what PostgreSQL's jsonb cannot hold, before the database refuses the whole batch it is in: a NUL byte
     * (UTF-16 or UTF-32 text, which the JSON parser would otherwise read), a \\u0000 escape, a lone surrogate escape.
     */
    static void storable(byte[] payload) {
        for (byte b : payload) {
            if (b == 0) {
                throw new RejectedMessage("malformed", "payload is not UTF-8 JSON (a NUL byte: UTF-16 or UTF-32?)");
            }
        }
        for (int i = indexOfEscape(payload, 0); i >= 0; i = indexOfEscape(payload, i + 6)) {
            int c = hex(payload, i + 2);
            if (c == 0) {
                throw new RejectedMessage("malformed", "a string holds \\u0000, which cannot be stored");
            }
            boolean high = c >= 0xD800 && c <= 0xDBFF;
            boolean low = c >= 0xDC00 && c <= 0xDFFF;
            int next = high && i + 12 <= payload.length && payload[i + 6] == '\\' && payload[i + 7] == 'u'
                    ? hex(payload, i + 8) : -1;
            if (low || high && !(next >= 0xDC00 && next <= 0xDFFF)) {
                throw new RejectedMessage("malformed", "a string holds a lone surrogate escape, which cannot be stored");
            }
            if (high) {
                i += 6; // the low half is checked with its pair
            }
        }
    }

    /** Where the next \\uXXXX escape starts (a backslash that is not itself escaped), or -1. */
    private static int indexOfEscape(byte[] p, int from) {
        for (int i = from; i + 5 < p.length; i++) {
            if (p[i] == '\\') {
                if (p[i + 1] == 'u') {
                    return i;
                }
                i++; // an escaped character, possibly a backslash
            }
        }
        return -1;
    }

    private static int hex(byte[] p, int at) {
        if (at + 4 > p.length) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(p[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** The payload as sent: it parsed as one JSON object above, so the jsonb column takes it. */
    private static String text(byte[] payload) {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
}
