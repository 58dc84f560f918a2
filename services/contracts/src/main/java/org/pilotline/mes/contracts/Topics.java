package org.pilotline.mes.contracts;

import java.util.Optional;
import java.util.regex.Pattern;

/** MQTT topic names of the public contract (design brief, section 3). */
public final class Topics {

    /** Ids in topics: site, area, line, equipment. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    public static final String ROOT = "mes/v1";

    /** Every raw equipment message: mes/v1/{site}/{area}/{line}/{equipmentId}/{channel}. */
    public static final String EQUIPMENT_FILTER = ROOT + "/+/+/+/+/+";

    private static final String EVENTS = ROOT + "/events";

    private Topics() {
    }

    /** Topic of a MES domain event: mes/v1/events/{service}/{type}. */
    public static String event(String service, String type) {
        return EVENTS + "/" + service + "/" + type;
    }

    /** Filter for every event one service publishes. */
    public static String eventsOf(String service) {
        return EVENTS + "/" + service + "/+";
    }

    public static String equipment(String site, String area, String line, String equipmentId, Channel channel) {
        return String.join("/", ROOT, site, area, line, equipmentId, channel.topicName());
    }

    /** Parses a raw equipment topic; empty when it is not one (wrong depth, bad id, unknown channel). */
    public static Optional<EquipmentTopic> parseEquipment(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length != 7 || !"mes".equals(parts[0]) || !"v1".equals(parts[1])) {
            return Optional.empty();
        }
        for (int i = 2; i < 6; i++) {
            if (!ID.matcher(parts[i]).matches()) {
                return Optional.empty();
            }
        }
        return Channel.fromTopicName(parts[6])
                .map(channel -> new EquipmentTopic(parts[2], parts[3], parts[4], parts[5], channel));
    }

    /** The equipment channels of the v1 contract. */
    public enum Channel {
        STATE, ALARM, DATA, EVENT;

        private final String topicName = name().toLowerCase(java.util.Locale.ROOT);

        public String topicName() {
            return topicName;
        }

        public static Optional<Channel> fromTopicName(String name) {
            for (Channel c : values()) {
                if (c.topicName().equals(name)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    public record EquipmentTopic(String site, String area, String line, String equipmentId, Channel channel) {
    }
}
