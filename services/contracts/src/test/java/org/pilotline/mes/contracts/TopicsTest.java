package org.pilotline.mes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void parsesAnEquipmentTopic() {
        var t = Topics.parseEquipment("mes/v1/pilot/cell-assembly/L1/STACKER-01/event").orElseThrow();
        assertEquals("pilot", t.site());
        assertEquals("cell-assembly", t.area());
        assertEquals("L1", t.line());
        assertEquals("STACKER-01", t.equipmentId());
        assertEquals(Topics.Channel.EVENT, t.channel());
    }

    @Test
    void refusesTopicsOutsideTheContract() {
        assertTrue(Topics.parseEquipment("mes/v1/pilot/area/L1/STACKER-01/telemetry").isEmpty(), "unknown channel");
        assertTrue(Topics.parseEquipment("mes/v1/pilot/area/L1/STACKER 01/event").isEmpty(), "space in id");
        assertTrue(Topics.parseEquipment("mes/v1/pilot/area/STACKER-01/event").isEmpty(), "missing level");
        assertTrue(Topics.parseEquipment("mes/v2/pilot/area/L1/STACKER-01/event").isEmpty(), "other version");
        assertTrue(Topics.parseEquipment(Topics.event(Services.QUALITY, "measurement.judged")).isEmpty(),
                "domain events are not equipment messages");
    }

    @Test
    void buildsTopicsBothWays() {
        String topic = Topics.equipment("pilot", "coating", "L1", "COATER-01", Topics.Channel.STATE);
        assertEquals("mes/v1/pilot/coating/L1/COATER-01/state", topic);
        assertEquals(Topics.Channel.STATE, Topics.parseEquipment(topic).orElseThrow().channel());
        assertEquals("mes/v1/events/work-orders/lot.created", Topics.event(Services.WORK_ORDERS, "lot.created"));
    }
}
