package org.pilotline.mes.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.pilotline.mes.quality.QualityEvents.event;
import static org.pilotline.mes.quality.QualityEvents.lotWithCells;
import static org.pilotline.mes.quality.QualityEvents.ocv;
import static org.pilotline.mes.quality.QualityEvents.unique;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class QualityTest {

    private static final String API = "/api/quality";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user));
    }

    @Test
    void aLotIsOkOnlyWhenEveryCellPassedEveryCharacteristic() {
        String product = unique("P"), c1 = unique("C"), c2 = unique("C");
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, product, c1, c2);
            ocv(mqtt, c1, "2.21");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("supervisor1")
                .get(API + "/lots/" + lot + "/disposition").then().statusCode(200).body("ok", equalTo(false))
                .body("reasons", contains("cell " + c2 + ": OCV not measured")));
        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, c2, "2.9");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("supervisor1")
                .get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(false))
                .body("reasons", contains("cell " + c2 + ": OCV 2.9 V above upper limit 2.5 V")));
        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, c2, "2.30"); // a later measurement, e.g. after rework, is the one that counts
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("supervisor1")
                .get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(true))
                .body("reasons", empty()));
        as("quality1").get(API + "/measurements?cell=" + c2).then().statusCode(200)
                .body("items.verdict", contains("FAIL", "PASS")).body("total", equalTo(2));
    }

    @Test
    void aRedeliveredMeasurementIsJudgedOnce() {
        String product = unique("P"), cell = unique("C");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lotWithCells(mqtt, product, cell);
            String id = UUID.randomUUID().toString();
            String data = """
                    {"equipment":"GRADE-01","characteristic":"OCV","value":2.2,"unit":"V","cell":"%s",
                     "ts":"2026-11-23T09:00:00Z"}""".formatted(cell);
            event(mqtt, id, "equipment", "measurement", data);
            event(mqtt, id, "equipment", "measurement", data);
            ocv(mqtt, unique("FENCE"), "2.2"); // processed after both
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1")
                .get(API + "/measurements?cell=" + cell).then().body("total", equalTo(1)));
    }

    @Test
    void unknownLotsAreNotOkAndOperatorsCannotAskForDispositions() {
        as("supervisor1").get(API + "/lots/NOPE-1/disposition").then().statusCode(200).body("ok", equalTo(false))
                .body("reasons", contains("quality has no record of lot NOPE-1"));
        as("operator1").get(API + "/lots/NOPE-1/disposition").then().statusCode(403);
        given().get(API + "/lots/NOPE-1/disposition").then().statusCode(401);
    }

    @Test
    void aReleasedRoutingBecomesThePlanInForce() {
        String product = unique("P");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lotWithCells(mqtt, product);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200).body("characteristics.code", contains("OCV"))
                .body("characteristics[0].upperLimit", equalTo(2.5f))
                .body("characteristics[0].operation", equalTo("OCV")).body("version", equalTo(1))
                .body("origin", equalTo("routing R-" + product + " version 1")));
    }
}
