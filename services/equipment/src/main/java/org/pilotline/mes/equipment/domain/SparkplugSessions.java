package org.pilotline.mes.equipment.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.equipment.persistence.SparkplugMetricStore;
import org.pilotline.mes.equipment.persistence.SparkplugMetricStore.Definition;

/**
 * What the MES knows of each Sparkplug edge node: its birth-death sequence, the next seq it expects, whether it is
 * online, and the metrics each birth declared by alias. A batch reads and changes it through a {@link Batch},
 * whose changes count only once the batch has committed: a batch that fails is read again from the same state.
 */
@ApplicationScoped
public class SparkplugSessions {

    /** An edge node's session; {@code bdSeq} null when the MES has not seen its birth (e.g. since a restart). */
    public record NodeSession(Long bdSeq, long nextSeq, boolean online, boolean rebirthRequested) {
    }

    public record MetricDef(String name, int datatype) {
    }

    private final SparkplugMetricStore store;
    private final Map<String, NodeSession> nodes = new ConcurrentHashMap<>();
    /** group/node/device -> alias -> definition; device "" for the node's own metrics. */
    private volatile Map<String, Map<Long, MetricDef>> aliases;
    /** group/node/device -> last reported PackML mode, for a State metric that comes without Mode. */
    private final Map<String, String> modes = new ConcurrentHashMap<>();

    SparkplugSessions(SparkplugMetricStore store) {
        this.store = store;
    }

    public Batch begin() {
        return new Batch();
    }

    private Map<String, Map<Long, MetricDef>> aliases() {
        Map<String, Map<Long, MetricDef>> a = aliases;
        if (a == null) {
            a = new ConcurrentHashMap<>();
            for (Definition d : store.all()) {
                a.computeIfAbsent(key(d.group(), d.edgeNode(), d.device()), k -> new ConcurrentHashMap<>())
                        .put(d.alias(), new MetricDef(d.name(), d.datatype()));
            }
            aliases = a;
        }
        return a;
    }

    static String key(String group, String node, String device) {
        return group + "/" + node + "/" + (device == null ? "" : device);
    }

    /** Changes made while decoding one batch; {@link #commit} makes them the state. */
    public final class Batch {
        private final Map<String, NodeSession> nodeChanges = new HashMap<>();
        private final Map<String, Map<Long, MetricDef>> aliasChanges = new HashMap<>();
        private final Map<String, String> modeChanges = new HashMap<>();
        private final List<Definition> definitions = new ArrayList<>();
        private final Set<String> rebirths = new LinkedHashSet<>();

        public NodeSession node(String nodeKey) {
            return nodeChanges.containsKey(nodeKey) ? nodeChanges.get(nodeKey) : nodes.get(nodeKey);
        }

        public void node(String nodeKey, NodeSession session) {
            nodeChanges.put(nodeKey, session);
        }

        /** A birth replaces what the previous birth of the node or device declared. */
        public void born(String group, String node, String device, Map<Long, MetricDef> declared) {
            String k = key(group, node, device);
            aliasChanges.put(k, declared);
            declared.forEach((alias, def) -> definitions.add(new Definition(group, node, device == null ? ""
                    : device, alias, def.name(), def.datatype())));
        }

        public MetricDef alias(String group, String node, String device, long alias) {
            String k = key(group, node, device);
            Map<Long, MetricDef> declared = aliasChanges.containsKey(k) ? aliasChanges.get(k) : aliases().get(k);
            return declared == null ? null : declared.get(alias);
        }

        /** The devices whose births the MES has seen under this node. */
        public Set<String> devices(String group, String node) {
            String prefix = group + "/" + node + "/";
            Set<String> devices = new LinkedHashSet<>();
            for (String k : aliases().keySet()) {
                if (k.startsWith(prefix) && k.length() > prefix.length()) {
                    devices.add(k.substring(prefix.length()));
                }
            }
            for (String k : aliasChanges.keySet()) {
                if (k.startsWith(prefix) && k.length() > prefix.length()) {
                    devices.add(k.substring(prefix.length()));
                }
            }
            return devices;
        }

        public String mode(String deviceKey) {
            return modeChanges.containsKey(deviceKey) ? modeChanges.get(deviceKey) : modes.get(deviceKey);
        }

        public void mode(String deviceKey, String mode) {
            modeChanges.put(deviceKey, mode);
        }

        /** Asks the node for a rebirth once this batch is done (and not again until its next birth). */
        public void requestRebirth(String nodeKey) {
            rebirths.add(nodeKey);
        }

        public List<Definition> definitions() {
            return definitions;
        }

        /** @return the nodes (group/node) to ask for a rebirth */
        public Set<String> commit() {
            nodes.putAll(nodeChanges);
            Map<String, Map<Long, MetricDef>> a = aliases();
            aliasChanges.forEach((k, v) -> a.put(k, new ConcurrentHashMap<>(v)));
            modes.putAll(modeChanges);
            return rebirths;
        }
    }
}
