package org.pilotline.mes.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

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

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void event(TestMqtt mqtt, String service, String type, String data) {
        event(mqtt, UUID.randomUUID().toString(), service, type, data);
    }

    private static void event(TestMqtt mqtt, String id, String service, String type, String data) {
        mqtt.publish("mes/v1/events/" + service + "/" + type, """
                {"specversion":"1.0","id":"%s","source":"/mes/%s","type":"%s","time":"2026-11-23T08:00:00Z",
                 "data":%s}""".formatted(id, service, type, data));
    }

    /** A product whose OCV must be 2.0..2.5 V, a lot of it, and the given cells in that lot. */
    private static String lotWithCells(TestMqtt mqtt, String product, String... cells) {
        String lot = unique("LOT");
        event(mqtt, "work-orders", "routing.released", """
                {"product":"%s","stage":"SAMPLE","routing":"R-%s","version":1,"operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking","characteristics":[]},
                  {"sequence":30,"code":"OCV","name":"OCV check","characteristics":[
                    {"code":"OCV","name":"Open-circuit voltage","unit":"V","lowerLimit":2.0,"target":2.2,
                     "upperLimit":2.5}]}]}""".formatted(product, product));
        event(mqtt, "work-orders", "lot.created", """
                {"lot":"%s","workOrder":"WO-1","product":"%s","routing":"R-%s","routingVersion":1,
                 "plannedQuantity":%d}""".formatted(lot, product, product, cells.length));
        for (String cell : cells) {
            event(mqtt, "equipment", "cell.assembled", """
                    {"equipment":"STACK-01","line":"L1","cell":"%s","lot":"%s","inputs":[],"parameters":{},
                     "ts":"2026-11-23T08:00:00Z"}""".formatted(cell, lot));
        }
        return lot;
    }

    private static void ocv(TestMqtt mqtt, String cell, String value) {
        event(mqtt, "equipment", "measurement", """
                {"equipment":"GRADE-01","characteristic":"OCV","value":%s,"unit":"V","cell":"%s",
                 "ts":"2026-11-23T09:00:00Z"}""".formatted(value, cell));
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
                .then().statusCode(200).body("characteristic", contains("OCV"))
                .body("[0].upperLimit", equalTo(2.5f)).body("[0].operation", equalTo("OCV")));
    }
}
