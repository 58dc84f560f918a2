package org.pilotline.mes.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.pilotline.mes.contracts.sparkplug.SparkplugPayload;
import org.pilotline.mes.contracts.sparkplug.SparkplugPayload.Metric;
import org.pilotline.mes.contracts.sparkplug.SparkplugTopic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sparkplug B: one edge node for the line, each machine a device. NBIRTH (seq 0, bdSeq) on connecting with the
 * matching NDEATH as the will; a DBIRTH declares a machine's tags with aliases before its first data; DDATA sends
 * values by alias, states as State/Mode, alarms as Alarm/{severity}/{code}, events as a JSON Event metric. An NCMD
 * Node Control/Rebirth makes it send its births again. seq counts every message of the node, mod 256.
 */
final class SparkplugSink implements Sink {

    private final SimulatorOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private final Broker broker;
    private final long bdSeq = System.currentTimeMillis() % 256;
    private final Set<String> born = new HashSet<>();
    private final Map<String, Map<String, Long>> aliases = new HashMap<>();
    private volatile boolean rebirth;
    private long seq;

    SparkplugSink(SimulatorOptions options) {
        this.options = options;
        this.broker = Broker.connect(options, topic("NDEATH", null),
                new SparkplugPayload(System.currentTimeMillis(), null,
                        List.of(Metric.of("bdSeq", 0, SparkplugPayload.INT64, bdSeq))).encode());
        broker.subscribe(topic("NCMD", null), (t, p) -> rebirth = true);
        nodeBirth();
    }

    private String topic(String type, String device) {
        return SparkplugTopic.of(PilotLine.SITE, type, options.edgeNode(), device);
    }

    private synchronized CompletableFuture<Void> nodeBirth() {
        seq = 0;
        born.clear();
        return publish("NBIRTH", null, List.of(Metric.of("bdSeq", 0, SparkplugPayload.INT64, bdSeq),
                Metric.of(SparkplugTopic.REBIRTH, 1, SparkplugPayload.BOOLEAN, false)));
    }

    @Override
    public synchronized CompletableFuture<Void> send(Emission e) {
        if (rebirth) {
            rebirth = false;
            nodeBirth();
        }
        if (e.raw() != null) { // a bad message: bytes that are not a Sparkplug payload
            return broker.publish(topic("DDATA", "STACK-01"), new byte[] { (byte) 0xff, 0x13, 0x37 });
        }
        Machine m = e.machine();
        if (born.add(m.id())) {
            deviceBirth(m);
        }
        return publish("DDATA", m.id(), metrics(m, e));
    }

    private void deviceBirth(Machine m) {
        Map<String, Long> declared = new HashMap<>();
        List<Metric> metrics = new ArrayList<>();
        long alias = 1;
        for (Machine.Tag t : m.tags()) {
            declared.put(t.name(), alias);
            metrics.add(Metric.of(t.name(), alias++, SparkplugPayload.DOUBLE, t.nominal()));
        }
        declared.put("State", alias);
        metrics.add(Metric.of("State", alias++, SparkplugPayload.STRING, "EXECUTE"));
        declared.put("Mode", alias);
        metrics.add(Metric.of("Mode", alias, SparkplugPayload.STRING, "PRODUCTION"));
        aliases.put(m.id(), declared);
        publish("DBIRTH", m.id(), metrics);
    }

    @SuppressWarnings("unchecked")
    private List<Metric> metrics(Machine m, Emission e) {
        Map<String, Object> b = e.body();
        long ts = Instant.parse((String) b.get("ts")).toEpochMilli();
        Map<String, Long> declared = aliases.get(m.id());
        List<Metric> metrics = new ArrayList<>();
        switch (e.channel()) {
            case "data" -> {
                ((Map<String, Object>) b.get("values")).forEach((tag, v) -> metrics.add(
                        Metric.of(tag, declared.get(tag), SparkplugPayload.DOUBLE, ((Number) v).doubleValue())
                                .byAlias().at(ts)));
                Map<String, Object> ctx = (Map<String, Object>) b.get("context");
                if (ctx != null) {
                    ctx.forEach((k, v) -> metrics.add(new Metric("Context/" + k, null, ts, SparkplugPayload.STRING,
                            false, false, v)));
                }
            }
            case "state" -> {
                metrics.add(Metric.of("State", declared.get("State"), SparkplugPayload.STRING, b.get("state"))
                        .byAlias().at(ts));
                metrics.add(Metric.of("Mode", declared.get("Mode"), SparkplugPayload.STRING, b.get("mode"))
                        .byAlias().at(ts));
            }
            case "alarm" -> metrics.add(new Metric("Alarm/" + b.get("severity") + "/" + b.get("code"), null, ts,
                    SparkplugPayload.BOOLEAN, false, false, b.get("active")));
            default -> {
                Map<String, Object> event = new HashMap<>(b);
                event.remove("eventId");
                event.remove("ts");
                try {
                    metrics.add(new Metric("Event", null, ts, SparkplugPayload.STRING, false, false,
                            json.writeValueAsString(event)));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return metrics;
    }

    private CompletableFuture<Void> publish(String type, String device, List<Metric> metrics) {
        SparkplugPayload p = new SparkplugPayload(System.currentTimeMillis(), seq, metrics);
        seq = (seq + 1) % 256;
        return broker.publish(topic(type, device), p.encode());
    }

    @Override
    public void close() {
        broker.close();
    }
}
