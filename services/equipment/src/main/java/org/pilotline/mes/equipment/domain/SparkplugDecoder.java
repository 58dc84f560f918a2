package org.pilotline.mes.equipment.domain;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.Topics.Channel;
import org.pilotline.mes.contracts.equipment.AlarmMessage;
import org.pilotline.mes.contracts.equipment.DataContext;
import org.pilotline.mes.contracts.equipment.DataMessage;
import org.pilotline.mes.contracts.equipment.EquipmentEvent;
import org.pilotline.mes.contracts.equipment.StateMessage;
import org.pilotline.mes.contracts.sparkplug.SparkplugPayload;
import org.pilotline.mes.contracts.sparkplug.SparkplugPayload.Metric;
import org.pilotline.mes.contracts.sparkplug.SparkplugTopic;
import org.pilotline.mes.equipment.domain.EquipmentDirectory.EquipmentRef;
import org.pilotline.mes.equipment.domain.SparkplugSessions.MetricDef;
import org.pilotline.mes.equipment.domain.SparkplugSessions.NodeSession;
import org.pilotline.mes.kit.messaging.RejectedMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads Sparkplug B (spBv1.0/{group}/{type}/{edgeNode}[/{device}]) into the MES's own messages. The group is the
 * site, a device is a registered piece of equipment (an edge node that is itself registered speaks for itself).
 * Metric names: {@code State} and {@code Mode} (PackML), {@code Alarm/{SEVERITY}/{CODE}} (boolean: active),
 * {@code Event} (a JSON event of the v1 contract without eventId and ts), {@code Context/lot}, {@code Context/cell},
 * {@code Context/materialLot} (the context of the values beside them); every other numeric or boolean metric is a
 * process value of that tag.
 * <p>
 * Births declare metrics and their aliases and start the node's sequence at 0; every later message of the node
 * must carry the next seq (mod 256). A gap dead-letters the message that shows it and asks the node for a rebirth
 * (NCMD Node Control/Rebirth); a device death, and a node death of the current birth, mark values stale.
 */
@ApplicationScoped
public class SparkplugDecoder {

    private final JsonMessageDecoder json;
    private final EquipmentDirectory directory;
    private final ObjectMapper mapper;

    SparkplugDecoder(JsonMessageDecoder json, EquipmentDirectory directory, ObjectMapper mapper) {
        this.json = json;
        this.directory = directory;
        this.mapper = mapper;
    }

    /** What one Sparkplug message means: messages to ingest, equipment whose values are now stale. */
    public record Decoded(List<Inbound> messages, Set<String> stale) {
        static final Decoded NOTHING = new Decoded(List.of(), Set.of());
    }

    public Decoded decode(SparkplugSessions.Batch sessions, String topicName, byte[] bytes) {
        SparkplugTopic topic = SparkplugTopic.parse(topicName).orElseThrow(
                () -> new RejectedMessage("bad-topic", "not a Sparkplug B topic: spBv1.0/{group}/{type}/{node}[/{device}]"));
        if (Set.of("NCMD", "DCMD", "STATE").contains(topic.type())) {
            return Decoded.NOTHING; // commands and host states: what hosts say, not what equipment measured
        }
        SparkplugPayload payload;
        try {
            payload = SparkplugPayload.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new RejectedMessage("malformed", "not a Sparkplug B payload: " + e.getMessage());
        }
        String node = topic.nodeKey();
        switch (topic.type()) {
            case "NBIRTH" -> {
                if (payload.seq() == null || payload.seq() != 0) {
                    throw new RejectedMessage("malformed", "an NBIRTH carries seq 0, not " + payload.seq());
                }
                sessions.node(node, new NodeSession(bdSeq(payload), 1, true, false));
                sessions.born(topic.group(), topic.edgeNode(), null, declared(payload));
                return speaksForItself(topic) ? new Decoded(messages(sessions, topic, payload, null), Set.of())
                        : Decoded.NOTHING;
            }
            case "NDEATH" -> {
                NodeSession s = sessions.node(node);
                Long bdSeq = bdSeq(payload);
                if (s != null && s.bdSeq() != null && bdSeq != null && !bdSeq.equals(s.bdSeq())) {
                    return Decoded.NOTHING; // the will of an earlier session: the current one is alive
                }
                sessions.node(node, new NodeSession(s == null ? null : s.bdSeq(), 0, false, false));
                Set<String> stale = new java.util.LinkedHashSet<>(sessions.devices(topic.group(), topic.edgeNode()));
                if (speaksForItself(topic)) {
                    stale.add(topic.edgeNode());
                }
                return new Decoded(List.of(), stale);
            }
            default -> {
                inSequence(sessions, topic, payload);
                return switch (topic.type()) {
                    case "DBIRTH" -> {
                        EquipmentRef eq = equipment(topic, topic.device());
                        sessions.born(topic.group(), topic.edgeNode(), topic.device(), declared(payload));
                        yield new Decoded(messages(sessions, topic, payload, eq), Set.of());
                    }
                    case "DDEATH" -> new Decoded(List.of(), Set.of(equipment(topic, topic.device()).id()));
                    case "NDATA" -> speaksForItself(topic)
                            ? new Decoded(messages(sessions, topic, payload, null), Set.of()) : Decoded.NOTHING;
                    default -> new Decoded(messages(sessions, topic, payload, equipment(topic, topic.device())),
                            Set.of());
                };
            }
        }
    }

    /** Every message after the birth carries the next seq; anything else means messages were lost. */
    private static void inSequence(SparkplugSessions.Batch sessions, SparkplugTopic topic, SparkplugPayload p) {
        String node = topic.nodeKey();
        NodeSession s = sessions.node(node);
        if (p.seq() == null || p.seq() < 0 || p.seq() > 255) {
            throw new RejectedMessage("malformed", "seq must be 0 to 255");
        }
        if (s == null) { // not seen since this service started: this message sets the count
            sessions.node(node, new NodeSession(null, (p.seq() + 1) % 256, true, false));
            return;
        }
        if (!s.online()) {
            rebirth(sessions, node, s);
            throw new RejectedMessage("out-of-sequence", "edge node " + node + " sent " + topic.type()
                    + " after its NDEATH without a new NBIRTH; rebirth requested");
        }
        if (p.seq() != s.nextSeq()) {
            NodeSession moved = rebirth(sessions, node, new NodeSession(s.bdSeq(), (p.seq() + 1) % 256, true,
                    s.rebirthRequested()));
            sessions.node(node, moved);
            throw new RejectedMessage("out-of-sequence", "edge node " + node + " sent seq " + p.seq() + " where "
                    + s.nextSeq() + " was due: messages were lost; rebirth requested");
        }
        sessions.node(node, new NodeSession(s.bdSeq(), (s.nextSeq() + 1) % 256, true, s.rebirthRequested()));
    }

    private static NodeSession rebirth(SparkplugSessions.Batch sessions, String node, NodeSession s) {
        if (!s.rebirthRequested()) {
            sessions.requestRebirth(node);
        }
        NodeSession asked = new NodeSession(s.bdSeq(), s.nextSeq(), s.online(), true);
        sessions.node(node, asked);
        return asked;
    }

    private boolean speaksForItself(SparkplugTopic topic) {
        return directory.find(topic.edgeNode()).isPresent();
    }

    private EquipmentRef equipment(SparkplugTopic topic, String id) {
        EquipmentRef eq = json.registered(id);
        if (!eq.site().equals(topic.group())) {
            throw new RejectedMessage("topic-mismatch", "equipment " + id + " is registered at site " + eq.site()
                    + ", not in Sparkplug group " + topic.group());
        }
        return eq;
    }

    private static Long bdSeq(SparkplugPayload p) {
        return p.metrics().stream().filter(m -> "bdSeq".equals(m.name()) && m.value() instanceof Number)
                .map(m -> ((Number) m.value()).longValue()).findFirst().orElse(null);
    }

    private static Map<Long, MetricDef> declared(SparkplugPayload p) {
        Map<Long, MetricDef> declared = new HashMap<>();
        for (Metric m : p.metrics()) {
            if (m.alias() != null && m.name() != null && m.datatype() != null) {
                declared.put(m.alias(), new MetricDef(m.name(), m.datatype()));
            }
        }
        return declared;
    }

    /** The metrics of one payload as messages of the v1 channels, one set per distinct metric timestamp. */
    private List<Inbound> messages(SparkplugSessions.Batch sessions, SparkplugTopic topic, SparkplugPayload p,
            EquipmentRef device) {
        EquipmentRef eq = device != null ? device : equipment(topic, topic.edgeNode());
        String deviceKey = SparkplugSessions.key(topic.group(), topic.edgeNode(), topic.device());
        Map<Long, List<Metric>> byTime = new LinkedHashMap<>();
        for (Metric m : p.metrics()) {
            Long ts = m.timestamp() != null ? m.timestamp() : p.timestamp();
            if (ts == null) {
                throw new RejectedMessage("malformed", "metric " + m.name() + " has no timestamp and neither has the payload");
            }
            byTime.computeIfAbsent(ts, k -> new ArrayList<>()).add(m);
        }
        List<Inbound> out = new ArrayList<>();
        String idBase = "sp-" + p.timestamp() + "-" + p.seq() + "-";
        int part = 0;
        for (Map.Entry<Long, List<Metric>> e : byTime.entrySet()) {
            Instant ts = Instant.ofEpochMilli(e.getKey());
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, String> context = new HashMap<>();
            String state = null;
            String mode = null;
            for (Metric m : e.getValue()) {
                MetricDef def = m.name() != null ? new MetricDef(m.name(), m.datatype() == null ? 0 : m.datatype())
                        : m.alias() == null ? null : sessions.alias(topic.group(), topic.edgeNode(), topic.device(), m.alias());
                if (def == null) {
                    sessions.requestRebirth(topic.nodeKey());
                    throw new RejectedMessage("unknown-alias", "metric alias " + m.alias() + " of " + deviceKey
                            + " was not declared in a birth; rebirth requested");
                }
                if (m.isNull() || "bdSeq".equals(def.name()) || def.name().startsWith("Node Control/")) {
                    continue;
                }
                String name = def.name();
                if (name.equals("State")) {
                    state = String.valueOf(m.value());
                } else if (name.equals("Mode")) {
                    mode = String.valueOf(m.value());
                } else if (name.startsWith("Context/")) {
                    context.put(name.substring(8), String.valueOf(m.value()));
                } else if (name.startsWith("Alarm/")) {
                    out.add(alarm(eq, name, m, ts, idBase + part++));
                } else if (name.equals("Event")) {
                    out.add(event(eq, String.valueOf(m.value()), ts, idBase + part++));
                } else {
                    Double v = SparkplugPayload.number(m, def.datatype());
                    if (v != null && !v.isNaN() && !v.isInfinite()) {
                        values.put(name, v);
                    }
                }
            }
            if (mode != null) {
                sessions.mode(deviceKey, mode);
            }
            if (state != null) {
                String m = mode != null ? mode : sessions.mode(deviceKey) != null ? sessions.mode(deviceKey) : "PRODUCTION";
                MessageRules.state(state, m);
                String id = idBase + part++;
                json.envelope(id, ts);
                StateMessage s = new StateMessage(id, ts, state, m);
                out.add(new Inbound(eq, Channel.STATE, id, ts, write(s), s));
            }
            if (!values.isEmpty()) {
                String id = idBase + part++;
                json.envelope(id, ts);
                DataMessage d = new DataMessage(id, ts, values, new DataContext(context.get("lot"), context.get("cell"),
                        context.get("materialLot")));
                MessageRules.data(d);
                out.add(new Inbound(eq, Channel.DATA, id, ts, null, d));
            }
        }
        return out;
    }

    private Inbound alarm(EquipmentRef eq, String name, Metric m, Instant ts, String id) {
        String[] parts = name.split("/", 3);
        if (parts.length != 3 || !(m.value() instanceof Boolean active)) {
            throw new RejectedMessage("malformed", "an alarm metric is Alarm/{INFO|WARNING|CRITICAL}/{code}, boolean");
        }
        json.envelope(id, ts);
        AlarmMessage a = new AlarmMessage(id, ts, parts[2], parts[1], active, null);
        MessageRules.alarm(a);
        return new Inbound(eq, Channel.ALARM, id, ts, write(a), a);
    }

    private Inbound event(EquipmentRef eq, String body, Instant ts, String id) {
        EquipmentEvent e;
        try {
            ObjectNode tree = (ObjectNode) mapper.readTree(body);
            tree.put("eventId", id);
            tree.put("ts", ts.toString());
            e = mapper.treeToValue(tree, EquipmentEvent.class);
        } catch (JsonProcessingException | ClassCastException | IllegalArgumentException ex) {
            throw new RejectedMessage("malformed", "the Event metric is not a JSON event: " + ex.getMessage());
        }
        json.envelope(id, ts);
        if (e.type() == null) {
            throw new RejectedMessage("malformed", "event without type");
        }
        EventValidation.check(e);
        return new Inbound(eq, Channel.EVENT, id, ts, write(e), e);
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
