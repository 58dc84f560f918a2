package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.contracts.sparkplug.SparkplugPayload;
import org.pilotline.mes.contracts.sparkplug.SparkplugPayload.Metric;
import org.pilotline.mes.contracts.sparkplug.SparkplugTopic;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Sparkplug B: births declare metrics, data updates them by alias, deaths make them stale, gaps ask for a rebirth. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class SparkplugTest {

    private static final String API = "/api/equipment";
    private static final long T0 = 1_763_600_000_000L; // 2025-11-20T01:33:20Z

    private static byte[] payload(long ts, Long seq, Metric... metrics) {
        return new SparkplugPayload(ts, seq, List.of(metrics)).encode();
    }

    private static Map<String, Map<String, Object>> latest(String equipment) {
        List<Map<String, Object>> values = given().auth().oauth2(TestTokens.of("operator1"))
                .get(API + "/equipment/" + equipment + "/data/latest").then().statusCode(200).extract().jsonPath()
                .getList("");
        return values.stream().collect(java.util.stream.Collectors.toMap(v -> (String) v.get("tag"), v -> v));
    }

    @Test
    void birthDataAndDeathOfAPressThroughAnEdgeNode() {
        String node = "EDGE-" + UUID.randomUUID().toString().substring(0, 6);
        String lot = "LOT-" + node;
        try (TestMqtt edge = TestMqtt.connect()) {
            edge.publish(SparkplugTopic.of("pilot", "NBIRTH", node, null), payload(T0, 0L,
                    Metric.of("bdSeq", 0, SparkplugPayload.INT64, 3L),
                    Metric.of(SparkplugTopic.REBIRTH, 1, SparkplugPayload.BOOLEAN, false)));
            edge.publish(SparkplugTopic.of("pilot", "DBIRTH", node, "PRESS-01"), payload(T0 + 1000, 1L,
                    Metric.of("pressureMPa", 1, SparkplugPayload.DOUBLE, 0.0),
                    Metric.of("tempC", 2, SparkplugPayload.INT16, -5),
                    Metric.of("State", 3, SparkplugPayload.STRING, "IDLE"),
                    Metric.of("Mode", 4, SparkplugPayload.STRING, "PRODUCTION"),
                    Metric.of("Context/lot", 5, SparkplugPayload.STRING, lot)));
            edge.publish(SparkplugTopic.of("pilot", "DDATA", node, "PRESS-01"), payload(T0 + 2000, 2L,
                    Metric.of("pressureMPa", 1, SparkplugPayload.DOUBLE, 450.5).byAlias(),
                    Metric.of("State", 3, SparkplugPayload.STRING, "EXECUTE").byAlias(),
                    Metric.of("Context/lot", 5, SparkplugPayload.STRING, lot).byAlias()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("operator1"))
                    .get(API + "/equipment/PRESS-01").then().body("state", equalTo("EXECUTE")));
            Map<String, Map<String, Object>> values = latest("PRESS-01");
            assertEquals(450.5f, values.get("pressureMPa").get("value"));
            assertEquals(-5.0f, values.get("tempC").get("value"), "Int16 read as signed");
            assertEquals(false, values.get("pressureMPa").get("stale"));
            JsonPath byLot = given().auth().oauth2(TestTokens.of("quality1")).get(API + "/process-data?lot=" + lot)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(2L), byLot.getList("series.findAll { it.tag == 'pressureMPa' }.count", Long.class),
                    "the birth's value and the data's, both for the lot");

            edge.publish(SparkplugTopic.of("pilot", "DDEATH", node, "PRESS-01"), payload(T0 + 3000, 3L));
            await().atMost(Duration.ofSeconds(10)).until(() -> latest("PRESS-01").get("pressureMPa").get("stale")
                    .equals(true));

            edge.publish(SparkplugTopic.of("pilot", "DBIRTH", node, "PRESS-01"), payload(T0 + 4000, 4L,
                    Metric.of("pressureMPa", 1, SparkplugPayload.DOUBLE, 12.0)));
            await().atMost(Duration.ofSeconds(10)).until(() -> latest("PRESS-01").get("pressureMPa").get("stale")
                    .equals(false));

            // the will of an earlier session (bdSeq 2) changes nothing; the current one's (3) makes all stale
            edge.publish(SparkplugTopic.of("pilot", "NDEATH", node, null), payload(T0 + 5000, null,
                    Metric.of("bdSeq", 0, SparkplugPayload.INT64, 2L)));
            edge.publish(SparkplugTopic.of("pilot", "NDEATH", node, null), payload(T0 + 5000, null,
                    Metric.of("bdSeq", 0, SparkplugPayload.INT64, 3L)));
            await().atMost(Duration.ofSeconds(10)).until(() -> latest("PRESS-01").get("pressureMPa").get("stale")
                    .equals(true));
        }
    }

    @Test
    void aSequenceGapIsDeadLetteredAndTheNodeIsAskedForARebirth() {
        String node = "EDGE-" + UUID.randomUUID().toString().substring(0, 6);
        try (TestMqtt host = TestMqtt.connect().collect("spBv1.0/pilot/NCMD/" + node);
                TestMqtt edge = TestMqtt.connect()) {
            edge.publish(SparkplugTopic.of("pilot", "NBIRTH", node, null), payload(T0, 0L,
                    Metric.of("bdSeq", 0, SparkplugPayload.INT64, 0L)));
            edge.publish(SparkplugTopic.of("pilot", "DBIRTH", node, "SEAL-01"), payload(T0 + 100, 1L,
                    Metric.of("sealTempC", 1, SparkplugPayload.FLOAT, 180.0f),
                    Metric.of("Alarm/WARNING/SEAL-TEMP", 2, SparkplugPayload.BOOLEAN, false)));
            edge.publish(SparkplugTopic.of("pilot", "DDATA", node, "SEAL-01"), payload(T0 + 200, 2L,
                    Metric.of("sealTempC", 1, SparkplugPayload.FLOAT, 181.0f).byAlias()));
            // seq 3 and 4 never arrive
            edge.publish(SparkplugTopic.of("pilot", "DDATA", node, "SEAL-01"), payload(T0 + 500, 5L,
                    Metric.of("sealTempC", 1, SparkplugPayload.FLOAT, 199.0f).byAlias()));
            // the next one in order from there is taken again
            edge.publish(SparkplugTopic.of("pilot", "DDATA", node, "SEAL-01"), payload(T0 + 600, 6L,
                    Metric.of("sealTempC", 1, SparkplugPayload.FLOAT, 182.5f).byAlias(),
                    Metric.of("Alarm/WARNING/SEAL-TEMP", 2, SparkplugPayload.BOOLEAN, true).byAlias()));
            // an alias no birth declared
            edge.publish(SparkplugTopic.of("pilot", "DDATA", node, "SEAL-01"), payload(T0 + 700, 7L,
                    new Metric(null, 99L, null, SparkplugPayload.DOUBLE, false, false, 1.0)));

            await().atMost(Duration.ofSeconds(10)).until(() -> !host.received().isEmpty());
            SparkplugPayload command = SparkplugPayload.decode(host.received().get(0).bytes());
            assertEquals(SparkplugTopic.REBIRTH, command.metrics().get(0).name());
            assertEquals(true, command.metrics().get(0).value());

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("auditor1"))
                    .get(API + "/dead-letters?size=10").then().body("items.reason", hasItem(
                            "out-of-sequence: edge node pilot/" + node + " sent seq 5 where 3 was due: messages were "
                                    + "lost; rebirth requested"))
                    .body("items.reason", hasItem("unknown-alias: metric alias 99 of pilot/" + node
                            + "/SEAL-01 was not declared in a birth; rebirth requested")));
            JsonPath letters = given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/dead-letters?size=10")
                    .then().extract().jsonPath();
            int gap = letters.getList("items.reason", String.class).indexOf(letters.getList("items.reason",
                    String.class).stream().filter(r -> r.contains("sent seq 5")).findFirst().orElseThrow());
            assertEquals("base64", letters.getString("items[" + gap + "].encoding"), "the binary payload is kept whole");
            byte[] kept = java.util.Base64.getDecoder().decode(letters.getString("items[" + gap + "].payload"));
            assertEquals(5L, SparkplugPayload.decode(kept).seq());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(182.5f, latest("SEAL-01").get("sealTempC").get("value"));
            given().auth().oauth2(TestTokens.of("operator1")).get(API + "/equipment/SEAL-01/alarms").then()
                    .body("code", hasItem("SEAL-TEMP"));
        });
        assertTrue(latest("SEAL-01").get("sealTempC") != null);
    }

    @Test
    void aPayloadThatIsNotSparkplugIsDeadLettered() {
        try (TestMqtt edge = TestMqtt.connect()) {
            edge.publish("spBv1.0/pilot/DDATA/EDGE-X/SEAL-01", new byte[] { (byte) 0xff, 0x01, 0x02 });
            edge.publish("spBv1.0/pilot/DDATA/EDGE-X", "{}");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/dead-letters?size=10").then()
                .body("items.findAll { it.topic == 'spBv1.0/pilot/DDATA/EDGE-X/SEAL-01' }.reason[0]",
                        org.hamcrest.Matchers.startsWith("malformed: not a Sparkplug B payload"))
                .body("items.findAll { it.topic == 'spBv1.0/pilot/DDATA/EDGE-X' }.reason[0]",
                        org.hamcrest.Matchers.startsWith("bad-topic")));
    }
}
