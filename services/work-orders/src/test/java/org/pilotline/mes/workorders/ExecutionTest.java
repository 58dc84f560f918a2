package org.pilotline.mes.workorders;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class ExecutionTest {

    private static final String API = "/api/work-orders";

    /** A released lot whose routing is STACK, WIP (pressure 480..520 MPa, hold 270..330 s), OCV. */
    private static String lotWithPressing() {
        String code = "P-" + UUID.randomUUID().toString().substring(0, 8);
        WorkOrdersTest.as("admin1").body("""
                {"code":"%s","name":"10 Ah","stage":"VALIDATION","nominalCapacityAh":10}""".formatted(code))
                .post(API + "/products").then().statusCode(201);
        WorkOrdersTest.as("admin1").body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking"},
                  {"sequence":20,"code":"WIP","name":"Warm isostatic pressing","equipmentClass":"ISOSTATIC_PRESS",
                   "parameters":[{"code":"PRESSURE","unit":"MPa","lowerLimit":480,"target":500,"upperLimit":520},
                                 {"code":"HOLD","unit":"s","lowerLimit":270,"target":300,"upperLimit":330}]},
                  {"sequence":30,"code":"OCV","name":"OCV check"}]}""".formatted(code, code))
                .post(API + "/routings").then().statusCode(201);
        WorkOrdersTest.as("admin1").post(API + "/routings/R-" + code + "/versions/1/release").then().statusCode(200);
        return WorkOrdersTest.releasedLot(code);
    }

    private static io.restassured.response.ValidatableResponse start(String user, String lot, String op) {
        return WorkOrdersTest.as(user).body("{\"station\":\"PRESS-01\"}")
                .post(API + "/lots/" + lot + "/operations/" + op + "/start").then();
    }

    private static io.restassured.response.ValidatableResponse complete(String user, String lot, String op,
            String body) {
        return WorkOrdersTest.as(user).body(body).post(API + "/lots/" + lot + "/operations/" + op + "/complete")
                .then();
    }

    @Test
    void aLotRunsOperationByOperationWithParametersCheckedAgainstTheRoutingsLimits() {
        String lot = lotWithPressing();
        String wo = lot.substring(0, lot.lastIndexOf('-'));
        start("operator1", lot, "WIP").statusCode(409).body("type", equalTo("urn:mes:problem:previous-operation-open"));
        start("operator1", lot, "STACK").statusCode(200).body("state", equalTo("STARTED"));
        WorkOrdersTest.as("auditor1").get(API + "/work-orders/" + wo).then().body("state", equalTo("RUNNING"));
        WorkOrdersTest.as("auditor1").get(API + "/lots/" + lot).then().body("state", equalTo("IN_PROCESS"));
        start("operator1", lot, "STACK").statusCode(409).body("type", equalTo("urn:mes:problem:operation-already-started"));
        complete("operator1", lot, "STACK", "{}").statusCode(200).body("state", equalTo("COMPLETED"));

        start("operator1", lot, "WIP").statusCode(200);
        complete("operator1", lot, "WIP", "{\"parameters\":{\"PRESSURE\":500}}").statusCode(400)
                .body("type", equalTo("urn:mes:problem:parameters-invalid"))
                .body("reasons", contains("HOLD (s) missing"));
        complete("operator1", lot, "WIP", "{\"parameters\":{\"PRESSURE\":530,\"HOLD\":300}}").statusCode(400)
                .body("type", equalTo("urn:mes:problem:parameter-out-of-limit"))
                .body("reasons", contains("PRESSURE 530 MPa above 520"));
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/work-orders/+")) {
            complete("operator1", lot, "WIP", """
                    {"parameters":{"PRESSURE":530,"HOLD":300},"outOfLimitReason":"press calibrated high, checked"}""")
                    .statusCode(200).body("values.PRESSURE", equalTo(530)).body("outOfLimitReason",
                            equalTo("press calibrated high, checked"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.received().stream()
                    .anyMatch(m -> m.topic().endsWith("/parameter.out-of-limit") && m.payload().contains(lot)));
            assertTrue(events.received().stream().anyMatch(m -> m.topic().endsWith("/operation.completed")
                    && m.payload().contains("\"operation\":\"WIP\"") && m.payload().contains(lot)));
        }

        // the supervisor who completes the last operation may not sign the lot: four eyes
        start("supervisor1", lot, "OCV").statusCode(200);
        complete("supervisor1", lot, "OCV", "{\"good\":5}").statusCode(200);
        WorkOrdersTest.as("auditor1").get(API + "/lots/" + lot).then().body("state", equalTo("READY"));
        WorkOrdersTest.as("auditor1").get(API + "/lots/" + lot + "/operations").then()
                .body("state", contains("COMPLETED", "COMPLETED", "COMPLETED"))
                .body("completedBy", contains("operator1", "operator1", "supervisor1"));
        FakeNeighbours.DISPOSITIONS.put(lot, "{\"lot\":\"" + lot + "\",\"ok\":true,\"reasons\":[]}");
        WorkOrdersTest.as("supervisor1").body(WorkOrdersTest.approval("APPROVE"))
                .post(API + "/lots/" + lot + "/approval").then().statusCode(409)
                .body("type", equalTo("urn:mes:problem:signer-executed-last-operation"));
        WorkOrdersTest.as("supervisor2").body(WorkOrdersTest.approval("APPROVE"))
                .post(API + "/lots/" + lot + "/approval").then().statusCode(200).body("state", equalTo("APPROVED"));
        start("operator1", lot, "OCV").statusCode(409);
    }

    @Test
    void equipmentCompletionsCountAsOperatorsAndOutOfOrderOnesAreDeadLettered() {
        String lot = lotWithPressing();
        long dead = WorkOrdersTest.as("admin1").get(API + "/dead-letters").then().extract().jsonPath().getLong("total");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            unitCompleted(mqtt, "PRESS-01", lot, "WIP", "{\"PRESSURE\":505,\"HOLD\":300}"); // before STACK: refused
            unitCompleted(mqtt, "STACK-01", lot, "STACK", "{}");
            unitCompleted(mqtt, "PRESS-01", lot, "WIP", "{\"PRESSURE\":525,\"HOLD\":300}");
            unitCompleted(mqtt, "GRADE-01", lot, "OCV", "{}");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> WorkOrdersTest.as("auditor1")
                .get(API + "/lots/" + lot).then().body("state", equalTo("READY")));
        WorkOrdersTest.as("auditor1").get(API + "/lots/" + lot + "/operations").then()
                .body("completedBy", contains("STACK-01", "PRESS-01", "GRADE-01"))
                .body("[1].values.PRESSURE", equalTo(525))
                .body("[1].outOfLimitReason", equalTo("reported by PRESS-01"));
        WorkOrdersTest.as("admin1").get(API + "/dead-letters?size=1").then()
                .body("total", equalTo((int) dead + 1))
                .body("items[0].reason", org.hamcrest.Matchers.startsWith("previous-operation-open: Lot " + lot));
        // a device completed the last operation: any supervisor may sign
        FakeNeighbours.DISPOSITIONS.put(lot, "{\"lot\":\"" + lot + "\",\"ok\":true,\"reasons\":[]}");
        WorkOrdersTest.as("supervisor1").body(WorkOrdersTest.approval("APPROVE"))
                .post(API + "/lots/" + lot + "/approval").then().statusCode(200);
    }

    private static void unitCompleted(TestMqtt mqtt, String equipment, String lot, String operation, String params) {
        mqtt.publish("mes/v1/events/equipment/unit.completed", """
                {"specversion":"1.0","id":"%s","source":"/mes/equipment","type":"unit.completed","subject":"%s",
                 "data":{"equipment":"%s","operation":"%s","lot":"%s","parameters":%s,"ts":"2026-11-23T10:00:00Z"}}"""
                .formatted(UUID.randomUUID(), lot, equipment, operation, lot, params));
    }

    @Test
    void nothingStartsOnAHeldOrderAndScrapNeedsAReason() {
        String lot = lotWithPressing();
        String wo = lot.substring(0, lot.lastIndexOf('-'));
        start("operator1", lot, "STACK").statusCode(200);
        complete("operator1", lot, "STACK", "{\"good\":4,\"scrap\":1}").statusCode(400)
                .body("type", equalTo("urn:mes:problem:scrap-reason-required"));
        complete("operator1", lot, "STACK", "{\"good\":4,\"scrap\":1,\"scrapReason\":\"MISALIGNED\"}").statusCode(200);
        WorkOrdersTest.as("supervisor1").body("{\"reason\":\"glovebox O2 alarm\"}")
                .post(API + "/work-orders/" + wo + "/hold").then().statusCode(200);
        start("operator1", lot, "WIP").statusCode(409).body("type", equalTo("urn:mes:problem:work-order-not-running"))
                .body("detail", org.hamcrest.Matchers.containsString("glovebox O2 alarm"));
        start("operator1", lot, "NOPE").statusCode(404).body("type", equalTo("urn:mes:problem:not-found"));
        WorkOrdersTest.as("auditor1").body("{}").post(API + "/lots/" + lot + "/operations/WIP/start").then()
                .statusCode(403);
    }
}
