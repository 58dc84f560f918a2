package org.pilotline.mes.workorders;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Pausing an operation, and running an operation cell by cell within a lot. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class PauseAndCellsTest {

    private static final String API = "/api/work-orders";

    /** A released lot whose routing is STACK (manual), WIP (press; pressure 480..520 MPa), OCV (manual). */
    private static String lot() {
        String code = "PC-" + UUID.randomUUID().toString().substring(0, 8);
        WorkOrdersTest.as("admin1").body("""
                {"code":"%s","name":"60 Ah","stage":"PRODUCTION","nominalCapacityAh":60}""".formatted(code))
                .post(API + "/products").then().statusCode(201);
        WorkOrdersTest.as("admin1").body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking"},
                  {"sequence":20,"code":"WIP","name":"Warm isostatic pressing","equipmentClass":"ISOSTATIC_PRESS",
                   "parameters":[{"code":"PRESSURE","unit":"MPa","lowerLimit":480,"target":500,"upperLimit":520}]},
                  {"sequence":30,"code":"OCV","name":"OCV check"}]}""".formatted(code, code))
                .post(API + "/routings").then().statusCode(201);
        WorkOrdersTest.as("admin1").post(API + "/routings/R-" + code + "/versions/1/release").then().statusCode(200);
        return WorkOrdersTest.releasedLot(code);
    }

    private static ValidatableResponse post(String path, String body) {
        return WorkOrdersTest.as("operator1").body(body).post(API + path).then();
    }

    private static void stack(String lot) {
        post("/lots/" + lot + "/operations/STACK/start", "{}").statusCode(200);
        post("/lots/" + lot + "/operations/STACK/complete", "{}").statusCode(200);
    }

    @Test
    void aPausedOperationKeepsItsReasonCannotCompleteAndAsksTheStationAgainOnResume() {
        String lot = lot();
        stack(lot);
        String wip = "/lots/" + lot + "/operations/WIP/";
        post(wip + "start", "{\"station\":\"PRESS-01\"}").statusCode(200);
        post(wip + "pause", "{}").statusCode(400);
        post(wip + "pause", "{\"reason\":\"argon supply changed\"}").statusCode(200).body("state", equalTo("PAUSED"))
                .body("pause.reason", equalTo("argon supply changed")).body("pause.pausedBy", equalTo("operator1"));
        post(wip + "pause", "{\"reason\":\"again\"}").statusCode(409)
                .body("type", equalTo("urn:mes:problem:operation-not-running"));
        post(wip + "complete", "{\"parameters\":{\"PRESSURE\":500}}").statusCode(409)
                .body("type", equalTo("urn:mes:problem:operation-paused"));

        FakeNeighbours.UNAVAILABLE.put("PRESS-01", """
                [{"code":"equipment-state","detail":"PRESS-01 is ABORTED since 2026-11-23T09:00:00Z"}]""");
        try {
            post(wip + "resume", "").statusCode(409).body("type", equalTo("urn:mes:problem:equipment-not-available"));
        } finally {
            FakeNeighbours.UNAVAILABLE.remove("PRESS-01");
        }
        post(wip + "resume", "").statusCode(200).body("state", equalTo("STARTED")).body("pause", nullValue());
        post(wip + "resume", "").statusCode(409).body("type", equalTo("urn:mes:problem:operation-not-paused"));
        post(wip + "complete", "{\"parameters\":{\"PRESSURE\":500}}").statusCode(200);
        WorkOrdersTest.as("auditor1").get(API + "/audit?entityType=lot&entityId=" + lot + "&size=50").then()
                .body("items.action", hasItems("operation.paused", "operation.resumed"));
    }

    @Test
    void cellsRunAnOperationOneByOneAndTheLotCompletesWithTheirCounts() {
        String lot = lot();
        stack(lot);
        List<String> s = WorkOrdersTest.as("operator1").body("{\"count\":3,\"station\":\"STACK-01\"}")
                .post(API + "/lots/" + lot + "/serials").then().statusCode(201).extract().jsonPath().getList("serials");
        String c1 = s.get(0), c2 = s.get(1), c3 = s.get(2);

        post("/cells/" + c1 + "/operations/WIP/start", "{\"station\":\"PRESS-01\"}").statusCode(200)
                .body("cell", equalTo(c1)).body("scope", equalTo("CELL")).body("state", equalTo("STARTED"));
        assertTrue(FakeNeighbours.CLEARANCE_ASKED.get(lot).contains("cell=" + c1), "quality asked about the cell");
        WorkOrdersTest.as("auditor1").get(API + "/lots/" + lot + "/operations").then()
                .body("[1].state", equalTo("STARTED")).body("[1].cells.inProcess", equalTo(1));
        post("/cells/" + c1 + "/operations/WIP/complete", "{\"parameters\":{\"PRESSURE\":505}}").statusCode(200)
                .body("values.PRESSURE", equalTo(505)).body("good", equalTo(1));
        post("/cells/" + c2 + "/operations/WIP/start", "{\"station\":\"PRESS-01\"}").statusCode(200);
        post("/cells/" + c2 + "/operations/WIP/complete", "{\"parameters\":{\"PRESSURE\":500},\"scrap\":1}")
                .statusCode(400).body("type", equalTo("urn:mes:problem:scrap-reason-required"));
        post("/cells/" + c2 + "/operations/WIP/complete",
                "{\"parameters\":{\"PRESSURE\":500},\"scrap\":1,\"scrapReason\":\"CRACKED\"}").statusCode(200);
        post("/cells/" + c3 + "/operations/WIP/start", "{\"station\":\"PRESS-01\"}").statusCode(200);

        post("/lots/" + lot + "/operations/WIP/complete", "{}").statusCode(409)
                .body("type", equalTo("urn:mes:problem:cells-in-process")).body("reasons", contains(c3));
        post("/cells/" + c3 + "/operations/WIP/complete", "{\"parameters\":{\"PRESSURE\":498}}").statusCode(200);
        post("/lots/" + lot + "/operations/WIP/complete", "{}").statusCode(200).body("good", equalTo(2))
                .body("scrap", equalTo(1)).body("cells.completed", equalTo(3)).body("cells.scrapped", equalTo(1));

        post("/cells/" + c2 + "/operations/OCV/start", "{}").statusCode(409)
                .body("type", equalTo("urn:mes:problem:cell-scrapped"))
                .body("detail", equalTo("Cell " + c2 + " was scrapped at WIP (CRACKED)"));
        post("/cells/" + c1 + "/operations/WIP/start", "{\"station\":\"PRESS-01\"}").statusCode(409);
        WorkOrdersTest.as("auditor1").get(API + "/cells/" + c1 + "/operations").then().statusCode(200)
                .body("scope", contains("LOT", "CELL", "LOT")).body("state", contains("COMPLETED", "COMPLETED", "PENDING"))
                .body("[1].values.PRESSURE", equalTo(505));
    }

    @Test
    void equipmentReportsACellDoneAndTheLotStaysInStep() {
        String lot = lot();
        stack(lot);
        String cell = WorkOrdersTest.as("operator1").body("{\"count\":1}").post(API + "/lots/" + lot + "/serials")
                .then().statusCode(201).extract().jsonPath().getString("first");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            mqtt.publish("mes/v1/events/equipment/unit.completed", """
                    {"specversion":"1.0","id":"%s","source":"/mes/equipment","type":"unit.completed","subject":"%s",
                     "data":{"equipment":"PRESS-01","operation":"WIP","cell":"%s","parameters":{"PRESSURE":502},
                             "ts":"2026-11-23T10:00:00Z"}}""".formatted(UUID.randomUUID(), cell, cell));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> WorkOrdersTest.as("auditor1")
                .get(API + "/cells/" + cell + "/operations").then().body("[1].state", equalTo("COMPLETED"))
                .body("[1].completedBy", equalTo("PRESS-01")).body("[1].scope", equalTo("CELL")));
        WorkOrdersTest.as("auditor1").get(API + "/lots/" + lot + "/operations").then()
                .body("[1].state", equalTo("STARTED")).body("[1].cells.completed", equalTo(1));
    }

    @Test
    void serialsThatAreMisreadOrNeverIssuedAreRefused() {
        WorkOrdersTest.as("operator1").get(API + "/cells/PL26000000428/operations").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:invalid-serial"))
                .body("detail", containsString("misread or mistyped?"));
        WorkOrdersTest.as("operator1").get(API + "/cells/PL26999999993/operations").then().statusCode(404);
    }
}
