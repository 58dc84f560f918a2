package org.pilotline.mes.simulator;

import java.util.Map;

/**
 * One message a machine publishes: its channel (state, alarm, data, event) and its body as in the v1 JSON
 * contract, eventId and ts included. {@code raw} is set for a deliberately bad message, sent as it is.
 */
record Emission(Machine machine, String channel, Map<String, Object> body, byte[] raw, String rawTopic) {

    static Emission of(Machine machine, String channel, Map<String, Object> body) {
        return new Emission(machine, channel, body, null, null);
    }

    static Emission bad(String topic, byte[] raw) {
        return new Emission(null, null, null, raw, topic);
    }
}
