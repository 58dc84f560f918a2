package org.pilotline.mes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.contracts.sparkplug.SparkplugPayload;
import org.pilotline.mes.contracts.sparkplug.SparkplugPayload.Metric;
import org.pilotline.mes.contracts.sparkplug.SparkplugTopic;

class SparkplugPayloadTest {

    @Test
    void aPayloadSurvivesEncodingAndDecodingWithSignedAndUnsignedNumbers() throws Exception {
        SparkplugPayload sent = new SparkplugPayload(1_763_900_000_000L, 7L, List.of(
                Metric.of("pressureMPa", 1, SparkplugPayload.DOUBLE, 451.5),
                Metric.of("tempC", 2, SparkplugPayload.INT16, -12).byAlias(),
                Metric.of("State", 3, SparkplugPayload.STRING, "EXECUTE"),
                Metric.of("Alarm/CRITICAL/HYD-LEAK", 4, SparkplugPayload.BOOLEAN, true),
                Metric.of("counter", 5, SparkplugPayload.UINT64, -1L).at(1_763_900_000_500L),
                Metric.of("missing", 6, SparkplugPayload.FLOAT, null)));
        SparkplugPayload read = SparkplugPayload.decode(sent.encode());
        assertEquals(1_763_900_000_000L, read.timestamp());
        assertEquals(7L, read.seq());
        assertEquals(6, read.metrics().size());
        assertEquals(451.5, SparkplugPayload.number(read.metrics().get(0), null));
        assertNull(read.metrics().get(1).name(), "sent by alias only");
        assertEquals(-12.0, SparkplugPayload.number(read.metrics().get(1), null), "Int16 is two's complement");
        assertEquals("EXECUTE", read.metrics().get(2).value());
        assertEquals(1.0, SparkplugPayload.number(read.metrics().get(3), null));
        assertEquals(18446744073709551615.0, SparkplugPayload.number(read.metrics().get(4), null));
        assertEquals(1_763_900_000_500L, read.metrics().get(4).timestamp());
        assertTrue(read.metrics().get(5).isNull());
        assertNull(SparkplugPayload.number(read.metrics().get(5), null));
    }

    @Test
    void topicsOfTheNamespaceAreParsedAndOthersAreNot() {
        SparkplugTopic t = SparkplugTopic.parse("spBv1.0/pilot/DDATA/L1-EDGE/PRESS-01").orElseThrow();
        assertEquals("pilot", t.group());
        assertEquals("DDATA", t.type());
        assertEquals("PRESS-01", t.device());
        assertEquals("pilot/L1-EDGE", t.nodeKey());
        assertNull(SparkplugTopic.parse("spBv1.0/pilot/NBIRTH/L1-EDGE").orElseThrow().device());
        assertTrue(SparkplugTopic.parse("spBv1.0/pilot/DDATA/L1-EDGE").isEmpty(), "device message without device");
        assertTrue(SparkplugTopic.parse("spBv1.0/pilot/NDATA/L1-EDGE/X").isEmpty(), "node message with device");
        assertTrue(SparkplugTopic.parse("spBv1.0/pilot/XDATA/L1-EDGE").isEmpty());
        assertTrue(SparkplugTopic.parse("spBv2.0/pilot/NDATA/L1-EDGE").isEmpty());
        assertEquals("spBv1.0/pilot/NCMD/L1-EDGE", SparkplugTopic.of("pilot", "NCMD", "L1-EDGE", null));
    }
}
