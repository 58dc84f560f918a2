package org.pilotline.mes.genealogy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.restassured.specification.RequestSpecification;

/** Exposure clocks: time in the open, and time in a dry room while it was in excursion, against a limit. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class ExposureTest {

    private static final String API = "/api/genealogy";
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON);
    }

    /** A material type of its own, with a 30-minute limit, and a lot of it. */
    private static String lotWithLimit() {
        String type = "SULFIDE-" + UUID.randomUUID().toString().substring(0, 6);
        as("quality1").body("{\"limitMinutes\":30,\"reason\":\"hydrolyses in moist air\"}")
                .put(API + "/exposure/limits/" + type).then().statusCode(200);
        String lot = "LOT-" + UUID.randomUUID().toString().substring(0, 8);
        as("operator1").body("""
                {"id":"%s","materialType":"%s","quantity":10,"unit":"kg","supplier":"A","supplierLot":"S"}"""
                .formatted(lot, type)).post(API + "/material-lots").then().statusCode(201);
        return lot;
    }

    private static void transfer(String lot, String location, String atmosphere, Instant at) {
        as("operator1").body("{\"location\":\"%s\",\"atmosphere\":\"%s\",\"at\":\"%s\"}".formatted(location,
                atmosphere, at)).post(API + "/exposure/material-lots/" + lot + "/transfers").then().statusCode(200);
    }

    private static JsonPath exposure(String lot) {
        return as("auditor1").get(API + "/exposure/material-lots/" + lot).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void fortyMinutesInTheOpenPassAThirtyMinuteLimitAndStopConsumption() {
        String lot = lotWithLimit();
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/genealogy/material-lot.exposure-exceeded")) {
            transfer(lot, "GLOVEBOX-01", "INERT", now.minus(2, ChronoUnit.HOURS));
            transfer(lot, "AIRLOCK-2", "AMBIENT", now.minus(40, ChronoUnit.MINUTES));
            await().atMost(Duration.ofSeconds(15)).until(() -> exposure(lot).get("exceededAt") != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.received().stream()
                    .anyMatch(m -> m.payload().contains(lot)));
            JsonPath event = JsonPath.from(events.received().stream().filter(m -> m.payload().contains(lot))
                    .findFirst().orElseThrow().payload());
            assertEquals(30, event.getInt("data.limitMinutes"));
            assertEquals(40.0, event.getDouble("data.exposedMinutes"), 0.5);
            assertEquals("AIRLOCK-2", event.getString("data.location"));
        }
        JsonPath e = exposure(lot);
        assertEquals("AMBIENT", e.getString("atmosphere"));
        assertEquals(40.0, e.getDouble("exposedMinutes"), 0.5);
        as("operator1").body("{\"quantity\":1,\"unit\":\"kg\",\"lot\":\"L-1\"}")
                .post(API + "/material-lots/" + lot + "/consumptions").then().statusCode(409)
                .body("type", equalTo("urn:mes:problem:exposure-exceeded"));
        as("auditor1").get(API + "/audit?entityType=material-lot&entityId=" + lot).then()
                .body("items.action", org.hamcrest.Matchers.hasItem("material-lot.exposure-exceeded"));
    }

    @Test
    void aDryRoomInExcursionCountsOnceForOverlappingReadingsAndOnlyForWhatWasInside() {
        String inside = lotWithLimit(), elsewhere = lotWithLimit();
        transfer(inside, "DRYROOM-01", "DRY", now.minus(3, ChronoUnit.HOURS));
        transfer(elsewhere, "DRYROOM-02", "DRY", now.minus(3, ChronoUnit.HOURS));
        try (TestMqtt mqtt = TestMqtt.connect()) {
            excursion(mqtt, "dewPointC", now.minus(60, ChronoUnit.MINUTES), now.minus(20, ChronoUnit.MINUTES));
            excursion(mqtt, "h2sPpm", now.minus(50, ChronoUnit.MINUTES), now.minus(30, ChronoUnit.MINUTES));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> exposure(inside).get("exceededAt") != null);
        assertEquals(40.0, exposure(inside).getDouble("exposedMinutes"), 0.5, "overlapping excursions count once");
        assertEquals(0.0, exposure(elsewhere).getDouble("exposedMinutes"), 0.01);
        assertNull(exposure(elsewhere).get("exceededAt"));
    }

    @Test
    void underTheLimitNothingHappensAndTransfersAreChecked() {
        String lot = lotWithLimit();
        transfer(lot, "BENCH-3", "AMBIENT", now.minus(10, ChronoUnit.MINUTES));
        JsonPath e = exposure(lot);
        assertEquals(10.0, e.getDouble("exposedMinutes"), 0.5);
        assertEquals(30, e.getInt("limitMinutes"));
        assertNull(e.get("exceededAt"));
        as("operator1").body("{\"location\":\"X\",\"atmosphere\":\"AMBIENT\",\"at\":\"%s\"}"
                .formatted(now.plus(1, ChronoUnit.HOURS))).post(API + "/exposure/material-lots/" + lot + "/transfers")
                .then().statusCode(400).body("type", equalTo("urn:mes:problem:transfer-in-the-future"));
        as("operator1").body("{\"location\":\"X\",\"atmosphere\":\"AMBIENT\",\"at\":\"%s\"}"
                .formatted(now.minus(1, ChronoUnit.HOURS))).post(API + "/exposure/material-lots/" + lot + "/transfers")
                .then().statusCode(409).body("type", equalTo("urn:mes:problem:transfer-out-of-order"));
        as("operator1").body("{\"location\":\"X\",\"atmosphere\":\"SPACE\"}")
                .post(API + "/exposure/material-lots/" + lot + "/transfers").then().statusCode(400);
        as("operator1").body("{\"limitMinutes\":5}").put(API + "/exposure/limits/LI2S").then().statusCode(403);
    }

    @Test
    void theRunningClocksAreListedNearestToTheirLimitFirst() {
        String fresh = lotWithLimit(), nearly = lotWithLimit(), unmoved = lotWithLimit();
        transfer(fresh, "BENCH-1", "AMBIENT", now.minus(2, ChronoUnit.MINUTES));
        transfer(nearly, "BENCH-2", "AMBIENT", now.minus(25, ChronoUnit.MINUTES));
        List<String> listed = as("auditor1").get(API + "/exposure/material-lots?size=500").then().statusCode(200)
                .extract().jsonPath().getList("materialLot");
        assertTrue(listed.indexOf(nearly) >= 0 && listed.indexOf(nearly) < listed.indexOf(fresh),
                "25 of 30 minutes before 2 of 30: " + listed);
        assertFalse(listed.contains(unmoved), "a lot never moved has no clock running");
        as("auditor1").get(API + "/exposure/material-lots?size=0").then().statusCode(400);
    }

    private static void excursion(TestMqtt mqtt, String tag, Instant start, Instant end) {
        for (String type : new String[] { "environment.excursion-started", "environment.excursion-ended" }) {
            mqtt.publish("mes/v1/events/equipment/" + type, """
                    {"specversion":"1.0","id":"%s","source":"/mes/equipment","type":"%s","subject":"DRYROOM-01",
                     "data":{"excursion":1,"equipment":"DRYROOM-01","equipmentClass":"DRY_ROOM","area":"assembly",
                     "line":"L1","tag":"%s","unit":"C","lowerLimit":null,"upperLimit":-40,"startedAt":"%s",
                     "endedAt":%s,"worstValue":-30,"worstAt":"%s"}}""".formatted(UUID.randomUUID(), type, tag, start,
                    type.endsWith("ended") ? "\"" + end + "\"" : "null", start));
        }
    }
}
