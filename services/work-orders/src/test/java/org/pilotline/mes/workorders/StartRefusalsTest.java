package org.pilotline.mes.workorders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every reason an operation start is refused that another service gives: the station (equipment) and the gate
 * and holds (quality), and what happens when either cannot answer. A refused start changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class StartRefusalsTest {

    private static final String API = "/api/work-orders";

    /** A released lot whose routing is STACK (stacker), WIP (isostatic press). */
    private static String lot() {
        String code = "SR-" + UUID.randomUUID().toString().substring(0, 8);
        WorkOrdersTest.as("admin1").body("""
                {"code":"%s","name":"20 Ah","stage":"PROCESS","nominalCapacityAh":20}""".formatted(code))
                .post(API + "/products").then().statusCode(201);
        WorkOrdersTest.as("admin1").body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking","equipmentClass":"STACKER"},
                  {"sequence":20,"code":"WIP","name":"Warm isostatic pressing","equipmentClass":"ISOSTATIC_PRESS"}]}"""
                .formatted(code, code)).post(API + "/routings").then().statusCode(201);
        WorkOrdersTest.as("admin1").post(API + "/routings/R-" + code + "/versions/1/release").then().statusCode(200);
        return WorkOrdersTest.releasedLot(code);
    }

    private static ValidatableResponse start(String lot, String op, String body) {
        return WorkOrdersTest.as("operator1").body(body).post(API + "/lots/" + lot + "/operations/" + op + "/start")
                .then();
    }

    private static String stacked(String lot) {
        start(lot, "STACK", "{\"station\":\"STACK-01\"}").statusCode(200);
        WorkOrdersTest.as("operator1").body("{}").post(API + "/lots/" + lot + "/operations/STACK/complete").then()
                .statusCode(200);
        return lot;
    }

    private static void nothingChanged(String lot, String op, String workOrderState) {
        WorkOrdersTest.as("auditor1").get(API + "/lots/" + lot + "/operations").then()
                .body("find { it.operation == '" + op + "' }.state", equalTo("PENDING"));
        String wo = lot.substring(0, lot.lastIndexOf('-'));
        WorkOrdersTest.as("auditor1").get(API + "/work-orders/" + wo).then().body("state", equalTo(workOrderState));
    }

    @Test
    void anOperationOnEquipmentNeedsAKnownStationOfTheRightClass() {
        String lot = lot();
        start(lot, "STACK", "{}").statusCode(400).body("type", equalTo("urn:mes:problem:station-required"))
                .body("detail", equalTo("STACK runs on a STACKER: name the station it starts on"));
        start(lot, "STACK", "{\"station\":\"STACK-99\"}").statusCode(400)
                .body("type", equalTo("urn:mes:problem:unknown-station"));
        start(lot, "STACK", "{\"station\":\"PRESS-01\"}").statusCode(409)
                .body("type", equalTo("urn:mes:problem:wrong-station"))
                .body("detail", equalTo("PRESS-01 is a ISOSTATIC_PRESS; STACK needs a STACKER"));
        nothingChanged(lot, "STACK", "RELEASED"); // the first start would have made the order RUNNING
    }

    @Test
    void aStationThatIsNotAvailableOrNotCalibratedRefusesTheStartWithEveryReason() {
        String lot = stacked(lot());
        FakeNeighbours.UNAVAILABLE.put("PRESS-01", """
                [{"code":"calibration-overdue","detail":"calibration PRESSURE-TRANSDUCER was due on 2026-11-01"},
                 {"code":"critical-alarm","detail":"alarm HYD-LEAK (hydraulic leak) active since 2026-11-23T07:00:00Z"}]""");
        try {
            start(lot, "WIP", "{\"station\":\"PRESS-01\"}").statusCode(409)
                    .body("type", equalTo("urn:mes:problem:equipment-not-available"))
                    .body("detail", equalTo("PRESS-01 may not take work: calibration PRESSURE-TRANSDUCER was due "
                            + "on 2026-11-01"))
                    .body("reasons", contains(
                            "calibration-overdue: calibration PRESSURE-TRANSDUCER was due on 2026-11-01",
                            "critical-alarm: alarm HYD-LEAK (hydraulic leak) active since 2026-11-23T07:00:00Z"));
            nothingChanged(lot, "WIP", "RUNNING");
        } finally {
            FakeNeighbours.UNAVAILABLE.remove("PRESS-01");
        }
        start(lot, "WIP", "{\"station\":\"PRESS-01\"}").statusCode(200);
    }

    @Test
    void equipmentThatCannotAnswerRefusesTheStart() {
        String lot = stacked(lot());
        FakeNeighbours.UNAVAILABLE.put("PRESS-01", "DOWN");
        try {
            start(lot, "WIP", "{\"station\":\"PRESS-01\"}").statusCode(503)
                    .body("type", equalTo("urn:mes:problem:equipment-unavailable"));
            nothingChanged(lot, "WIP", "RUNNING");
        } finally {
            FakeNeighbours.UNAVAILABLE.remove("PRESS-01");
        }
    }

    @Test
    void qualityIsAskedAboutTheGateOfThePreviousOperationAndHolds() {
        String lot = stacked(lot());
        FakeNeighbours.CLEARANCES.put(lot, """
                {"lot":"%s","after":"STACK","clear":false,"reasons":[
                  {"code":"gate-failed","detail":"STACK: cell PL26000000019: STACK_HEIGHT 4.9 mm above upper limit 4.5 mm"}]}"""
                .formatted(lot));
        start(lot, "WIP", "{\"station\":\"PRESS-01\"}").statusCode(409)
                .body("type", equalTo("urn:mes:problem:quality-gate-failed"))
                .body("detail", containsString("STACK_HEIGHT 4.9 mm above upper limit 4.5 mm"));
        assertEquals("after=STACK&equipment=PRESS-01", FakeNeighbours.CLEARANCE_ASKED.get(lot));
        assertEquals(true, FakeNeighbours.AUTHORIZATION_SEEN.get(lot).startsWith("Bearer "));

        FakeNeighbours.CLEARANCES.put(lot, """
                {"lot":"%s","after":"STACK","clear":false,"reasons":[
                  {"code":"gate-pending","detail":"STACK: STACK_HEIGHT not measured on 2 of 5 cells"}]}""".formatted(lot));
        start(lot, "WIP", "{\"station\":\"PRESS-01\"}").statusCode(409)
                .body("type", equalTo("urn:mes:problem:quality-gate-pending"));

        FakeNeighbours.CLEARANCES.put(lot, """
                {"lot":"%s","after":"STACK","clear":false,"reasons":[
                  {"code":"gate-pending","detail":"STACK: STACK_HEIGHT not measured on 2 of 5 cells"},
                  {"code":"on-hold","detail":"hold 7 on lot %s since 2026-11-23T08:00:00Z: dry room dew point excursion"}]}"""
                .formatted(lot, lot));
        start(lot, "WIP", "{\"station\":\"PRESS-01\"}").statusCode(409).body("type", equalTo("urn:mes:problem:on-hold"))
                .body("reasons[1]", containsString("dry room dew point excursion"));
        nothingChanged(lot, "WIP", "RUNNING");

        FakeNeighbours.CLEARANCES.put(lot, "SLOW");
        start(lot, "WIP", "{\"station\":\"PRESS-01\"}").statusCode(503)
                .body("type", equalTo("urn:mes:problem:quality-unavailable"));
        nothingChanged(lot, "WIP", "RUNNING");

        FakeNeighbours.CLEARANCES.remove(lot);
        start(lot, "WIP", "{\"station\":\"PRESS-01\"}").statusCode(200).body("station", equalTo("PRESS-01"));
    }
}
