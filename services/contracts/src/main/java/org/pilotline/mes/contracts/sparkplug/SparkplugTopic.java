package org.pilotline.mes.contracts.sparkplug;

import java.util.Optional;

import org.pilotline.mes.contracts.Topics;

/** spBv1.0/{group}/{type}/{edgeNode}[/{device}]: the topic namespace of Sparkplug B. */
public record SparkplugTopic(String group, String type, String edgeNode, String device) {

    public static final String NAMESPACE = "spBv1.0";
    /** Every Sparkplug message of every group. */
    public static final String FILTER = NAMESPACE + "/#";
    /** The metric a host application sets to true in an NCMD to ask an edge node for a rebirth. */
    public static final String REBIRTH = "Node Control/Rebirth";

    public static Optional<SparkplugTopic> parse(String topic) {
        String[] p = topic.split("/", -1);
        if (p.length < 4 || p.length > 5 || !NAMESPACE.equals(p[0])) {
            return Optional.empty();
        }
        for (int i = 1; i < p.length; i++) {
            if (i != 2 && !Topics.ID.matcher(p[i]).matches()) {
                return Optional.empty();
            }
        }
        boolean deviceType = p[2].startsWith("D");
        if (!p[2].matches("NBIRTH|NDEATH|DBIRTH|DDEATH|NDATA|DDATA|NCMD|DCMD|STATE") || deviceType != (p.length == 5)) {
            return Optional.empty();
        }
        return Optional.of(new SparkplugTopic(p[1], p[2], p[3], p.length == 5 ? p[4] : null));
    }

    public static String of(String group, String type, String edgeNode, String device) {
        return NAMESPACE + "/" + group + "/" + type + "/" + edgeNode + (device == null ? "" : "/" + device);
    }

    public String nodeKey() {
        return group + "/" + edgeNode;
    }
}
