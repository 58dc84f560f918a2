package org.pilotline.mes.localplant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicPatternTest {

    @Test
    void aMachinesPatternCoversItsOwnTopicsOnly() {
        String press = "mes/v1/+/+/+/PRESS-01/+";
        assertTrue(TopicPattern.covers(press, "mes/v1/pilot/cell/L1/PRESS-01/state"));
        assertFalse(TopicPattern.covers(press, "mes/v1/pilot/cell/L1/FORM-01/state"));
        assertFalse(TopicPattern.covers(press, "mes/v1/pilot/cell/L1/+/state"), "a filter reaching other machines");
        assertFalse(TopicPattern.covers(press, "mes/v1/pilot/cell/L1/PRESS-01/state/extra"));
        assertFalse(TopicPattern.covers(press, "mes/v1/pilot/cell/L1/PRESS-01"));
    }

    @Test
    void aMultiLevelWildcardCoversEverythingBelowAndItsParent() {
        assertTrue(TopicPattern.covers("mes/v1/events/quality/#", "mes/v1/events/quality/hold.placed"));
        assertTrue(TopicPattern.covers("mes/v1/events/quality/#", "mes/v1/events/quality"));
        assertTrue(TopicPattern.covers("mes/v1/events/+/+", "mes/v1/events/quality/+"));
        assertFalse(TopicPattern.covers("mes/v1/events/quality/#", "mes/v1/events/#"));
        assertFalse(TopicPattern.covers("mes/v1/events/+/+", "mes/v1/events/#"));
        assertTrue(TopicPattern.covers("#", "spBv1.0/G/NDATA/node"));
    }
}
