package org.pilotline.mes.simulator;

import java.util.Map;

/** Where the demo plant's machines put what they publish; the message loop sends it, in this order, at its rate. */
interface Emitter {

    /** @param fields the message's fields besides eventId and ts (the v1 contract of its channel) */
    void emit(String machine, String channel, Map<String, Object> fields);
}
