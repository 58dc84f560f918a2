package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Dry-room and glovebox readings outside their limits are excursions, published for quality and genealogy. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class EnvironmentTest {

    private static final String API = "/api/equipment";

    private static void limit(String equipment, String tag, String body, int status) {
        given().auth().oauth2(TestTokens.of("quality1")).contentType(ContentType.JSON).body(body)
                .put(API + "/environment/limits/" + equipment + "/" + tag).then().statusCode(status);
    }

    @Test
    void aDewPointAboveItsLimitIsAnExcursionFromFirstToLastBadReadingWithItsWorstValue() {
        limit("DRYROOM-01", "dewPointC", "{\"upper\":-40,\"reason\":\"sulfide handling needs -40 C or drier\"}", 200);
        String topic = "mes/v1/pilot/assembly/L1/DRYROOM-01/data";
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/equipment/+");
                TestMqtt room = TestMqtt.connect()) {
            String[][] readings = { { "08:00:00", "-45.0" }, { "08:01:00", "-38.5" }, { "08:02:00", "-35.2" },
                    { "08:03:00", "-39.0" }, { "08:04:00", "-41.0" }, { "08:05:00", "-46.0" } };
            for (String[] r : readings) {
                room.publish(topic, """
                        {"eventId":"%s","ts":"2026-11-18T%sZ","values":{"dewPointC":%s,"tempC":21.0}}"""
                        .formatted(UUID.randomUUID(), r[0], r[1]));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> events.received().stream()
                    .anyMatch(m -> m.topic().endsWith("environment.excursion-ended")));
            List<TestMqtt.Received> excursion = events.received().stream()
                    .filter(m -> m.topic().contains("environment.excursion")).toList();
            assertEquals(2, excursion.size(), "one start, one end: " + excursion);
            JsonPath started = JsonPath.from(excursion.get(0).payload());
            assertEquals("mes/v1/events/equipment/environment.excursion-started", excursion.get(0).topic());
            assertEquals("2026-11-18T08:01:00Z", started.getString("data.startedAt"));
            assertEquals("DRY_ROOM", started.getString("data.equipmentClass"));
            JsonPath ended = JsonPath.from(excursion.get(1).payload());
            assertEquals("2026-11-18T08:01:00Z", ended.getString("data.startedAt"));
            assertEquals("2026-11-18T08:04:00Z", ended.getString("data.endedAt"));
            assertEquals(-35.2, ended.getDouble("data.worstValue"), 1e-9);
            assertEquals("2026-11-18T08:02:00Z", ended.getString("data.worstAt"));
            assertEquals(-40.0, ended.getDouble("data.upperLimit"), 1e-9);
            assertEquals("C", ended.getString("data.unit"));
        }
        given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/environment/excursions?equipment=DRYROOM-01&from=2026-11-18T00:00:00Z&to=2026-11-19T00:00:00Z")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].worstValue", equalTo(-35.2f))
                .body("[0].endedAt", equalTo("2026-11-18T08:04:00Z"));
        given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/audit?entityType=equipment&entityId=DRYROOM-01")
                .then().statusCode(200).body("items.action", org.hamcrest.Matchers.hasItem("environment-limit.set"));

        // what a cell's record asks: the atmosphere around the stacker at a time, its dry room's last readings
        given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/environment/conditions?equipment=STACK-01&at=2026-11-18T08:02:30Z").then()
                .statusCode(200).body("enclosures.equipment", org.hamcrest.Matchers.contains("DRYROOM-01"))
                .body("enclosures[0].readings.find { it.tag == 'dewPointC' }.value", equalTo(-35.2f))
                .body("enclosures[0].readings.find { it.tag == 'dewPointC' }.at", equalTo("2026-11-18T08:02:00Z"))
                .body("enclosures[0].readings.find { it.tag == 'dewPointC' }.withinLimits", equalTo(false))
                .body("enclosures[0].readings.find { it.tag == 'tempC' }.withinLimits", org.hamcrest.Matchers.nullValue())
                .body("enclosures[0].excursions[0].startedAt", equalTo("2026-11-18T08:01:00Z"));
        given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/environment/conditions?equipment=DRYROOM-01&at=2026-11-18T08:06:00Z").then()
                .body("enclosures[0].readings.find { it.tag == 'dewPointC' }.value", equalTo(-46.0f))
                .body("enclosures[0].readings.find { it.tag == 'dewPointC' }.withinLimits", equalTo(true))
                .body("enclosures[0].excursions", org.hamcrest.Matchers.empty());
        // an hour later the last reading says nothing any more; the slitter stands in no monitored room
        given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/environment/conditions?equipment=STACK-01&at=2026-11-18T09:30:00Z").then()
                .body("enclosures[0].readings", org.hamcrest.Matchers.empty());
        given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/environment/conditions?equipment=SLIT-01&at=2026-11-18T08:02:30Z").then()
                .statusCode(200).body("enclosures", org.hamcrest.Matchers.empty());
        given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/environment/conditions?equipment=NOPE-01&at=2026-11-18T08:02:30Z").then().statusCode(404);
        given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/environment/conditions?equipment=STACK-01&at=yesterday").then().statusCode(400);
    }

    @Test
    void anExcursionStillOpenIsListedWithoutAnEnd() {
        limit("GLOVEBOX-01", "h2oPpm", "{\"upper\":0.5}", 200);
        try (TestMqtt box = TestMqtt.connect()) {
            box.publish("mes/v1/pilot/electrolyte/L1/GLOVEBOX-01/data", """
                    {"eventId":"%s","ts":"2026-11-17T10:00:00Z","values":{"h2oPpm":2.4,"o2Ppm":0.3}}"""
                    .formatted(UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("operator1"))
                .get(API + "/environment/excursions?equipment=GLOVEBOX-01&from=2026-11-17T00:00:00Z&to=2026-11-18T00:00:00Z")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].tag", equalTo("h2oPpm"))
                .body("[0].endedAt", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void limitsAreCheckedAndOnlyQualityOrAdminSetsThem() {
        limit("DRYROOM-01", "speedRpm", "{\"upper\":1}", 400);
        limit("DRYROOM-01", "dewPointC", "{\"lower\":-30,\"upper\":-60}", 400);
        limit("DRYROOM-01", "dewPointC", "{}", 400);
        limit("NOPE-1", "dewPointC", "{\"upper\":-40}", 404);
        given().auth().oauth2(TestTokens.of("operator1")).contentType(ContentType.JSON).body("{\"upper\":0}")
                .put(API + "/environment/limits/DRYROOM-01/dewPointC").then().statusCode(403);
    }
}
