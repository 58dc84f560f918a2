package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Process values: stored once each however often they arrive, queryable raw, downsampled and by lot or cell. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class ProcessDataTest {

    private static final String API = "/api/equipment";
    private static final String CALENDER = "mes/v1/pilot/electrode/L1/CAL-01/data";

    private static JsonPath get(String path) {
        return given().auth().oauth2(TestTokens.of("quality1")).get(API + path).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void aBurstOfSamplesIsStoredOnceEachAndReadRawOrInBuckets() {
        String lot = "LOT-" + UUID.randomUUID().toString().substring(0, 8);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.parse("2026-11-22T06:00:00Z");
        try (TestMqtt machine = TestMqtt.connect()) {
            for (int i = 0; i < 600; i++) {
                // every second sample is sent twice, as a broker redelivers after a lost acknowledgement
                String msg = """
                        {"eventId":"%s-%d","ts":"%s","values":{"rollGapUm":%s,"lineForceKNm":%s},
                         "context":{"lot":"%s"}}""".formatted(run, i, start.plusSeconds(i), 100 + i % 10,
                        1.5 + i / 1000.0, lot);
                machine.publish(CALENDER, msg);
                if (i % 2 == 0) {
                    machine.publish(CALENDER, msg);
                }
            }
        }
        String range = "&from=2026-11-22T06:00:00Z&to=2026-11-22T06:10:00Z";
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/process-data?lot=" + lot)
                .getList("series.count", Long.class).equals(List.of(600L, 600L)));

        JsonPath raw = get("/equipment/CAL-01/data?tag=rollGapUm&maxPoints=1000" + range);
        assertEquals(600, raw.getList("points").size(), "one point per sample, none doubled");
        assertEquals(100.0, raw.getDouble("points[0].value"));
        assertEquals(lot, raw.getString("points[599].lot"));

        JsonPath buckets = get("/equipment/CAL-01/data?tag=rollGapUm&bucket=PT1M" + range);
        assertEquals(60, buckets.getInt("bucketSeconds"));
        assertEquals(10, buckets.getList("buckets").size());
        assertEquals(60, buckets.getInt("buckets[0].count"));
        assertEquals(100.0, buckets.getDouble("buckets[0].min"));
        assertEquals(109.0, buckets.getDouble("buckets[0].max"));
        assertEquals(104.5, buckets.getDouble("buckets[0].avg"), 1e-9);

        // a long range with more samples than asked for comes downsampled by itself
        JsonPath auto = get("/equipment/CAL-01/data?tag=rollGapUm&maxPoints=100" + range);
        assertEquals(6, auto.getInt("bucketSeconds"));
        assertEquals(600, auto.getList("buckets.count", Integer.class).stream().mapToInt(Integer::intValue).sum());

        JsonPath byLot = get("/process-data?lot=" + lot + "&points=3");
        assertEquals(List.of("lineForceKNm", "rollGapUm"), byLot.getList("series.tag"));
        assertEquals("CAL-01", byLot.getString("series[0].equipment"));
        assertEquals(3, byLot.getList("series[1].points").size());
    }

    @Test
    void theLatestValueOfEachTagIsKept() {
        try (TestMqtt machine = TestMqtt.connect()) {
            String topic = "mes/v1/pilot/electrode/L1/COAT-01/data";
            machine.publish(topic, """
                    {"eventId":"%s","ts":"2026-11-23T07:00:00Z","values":{"webSpeedMpm":12.5}}""".formatted(UUID.randomUUID()));
            machine.publish(topic, """
                    {"eventId":"%s","ts":"2026-11-23T07:00:05Z","values":{"webSpeedMpm":13.0}}""".formatted(UUID.randomUUID()));
            machine.publish(topic, """
                    {"eventId":"%s","ts":"2026-11-23T06:59:00Z","values":{"webSpeedMpm":9.9}}""".formatted(UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("operator1"))
                .get(API + "/equipment/COAT-01/data/latest").then().statusCode(200).body("", hasSize(1))
                .body("[0].value", equalTo(13.0f)).body("[0].stale", equalTo(false)));
    }

    @Test
    void queriesWithBadParametersAreRefusedWithTheReason() {
        String token = TestTokens.of("operator1");
        given().auth().oauth2(token).get(API + "/equipment/CAL-01/data").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:tag-required"));
        given().auth().oauth2(token).get(API + "/equipment/CAL-01/data?tag=x&from=yesterday").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:bad-time"));
        given().auth().oauth2(token).get(API + "/equipment/CAL-01/data?tag=x&bucket=1m").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:bad-bucket"));
        given().auth().oauth2(token).get(API + "/equipment/NOPE-1/data?tag=x").then().statusCode(404);
        given().auth().oauth2(token).get(API + "/process-data?lot=A&cell=B").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:one-context"));
        given().get(API + "/process-data?lot=A").then().statusCode(401);
    }

    @Test
    void aSampleWithANonNumericValueIsDeadLetteredAndTheOthersAreKept() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestMqtt machine = TestMqtt.connect()) {
            machine.publish(CALENDER, """
                    {"eventId":"%s-1","ts":"2026-11-21T06:00:00Z","values":{"rollTempC":"hot"},"context":{"lot":"%s"}}"""
                    .formatted(run, run));
            machine.publish(CALENDER, """
                    {"eventId":"%s-2","ts":"2026-11-21T06:00:01Z","values":{"rollTempC":80.5},"context":{"lot":"%s"}}"""
                    .formatted(run, run));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !get("/process-data?lot=" + run).getList("series").isEmpty());
        assertEquals(1L, get("/process-data?lot=" + run).getLong("series[0].count"));
        List<String> reasons = given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/dead-letters?size=20")
                .then().extract().jsonPath().getList("items.payload");
        assertTrue(reasons.stream().anyMatch(p -> p.contains(run + "-1")), "the bad sample is kept as a dead letter");
    }

    @Test
    void stateHistoryShowsHowLongEachStateLasted() {
        String topic = "mes/v1/pilot/electrode/L1/MIX-01/state";
        try (TestMqtt machine = TestMqtt.connect()) {
            for (String[] s : new String[][] { { "2026-11-19T08:00:00Z", "IDLE" }, { "2026-11-19T08:05:00Z", "EXECUTE" },
                    { "2026-11-19T09:05:00Z", "COMPLETE" } }) {
                machine.publish(topic, """
                        {"eventId":"%s","ts":"%s","state":"%s","mode":"PRODUCTION"}""".formatted(UUID.randomUUID(), s[0], s[1]));
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("operator1"))
                .get(API + "/equipment/MIX-01/states?from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z").then()
                .statusCode(200).body("state", equalTo(List.of("COMPLETE", "EXECUTE", "IDLE")))
                .body("[1].until", equalTo("2026-11-19T09:05:00Z")).body("[0].until", nullValue()));
    }
}
