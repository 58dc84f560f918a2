package org.pilotline.mes.simulator;

import java.util.List;

/** A machine of the simulated line: where it stands, its class, and the tags it publishes around a nominal value. */
record Machine(String id, String area, String equipmentClass, List<Tag> tags) {

    /** A process value: nominal, and the spread of its noise. */
    record Tag(String name, double nominal, double noise) {
    }

    String topic(String site, String line, String channel) {
        return String.join("/", "mes/v1", site, area, line, id, channel);
    }
}
