package org.pilotline.mes.workorders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class DispatchTest {

    private static final String API = "/api/work-orders";

    /** A product whose routing runs on a stacker (class unique to this test) and then a press. */
    private static String[] productOnOwnEquipment() {
        String id = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String product = "D-" + id, stacker = "STACKER_" + id, press = "PRESS_" + id;
        WorkOrdersTest.as("admin1").body("""
                {"code":"%s","name":"dispatch","stage":"SAMPLE","nominalCapacityAh":1}""".formatted(product))
                .post(API + "/products").then().statusCode(201);
        WorkOrdersTest.as("admin1").body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking","equipmentClass":"%s"},
                  {"sequence":20,"code":"WIP","name":"Pressing","equipmentClass":"%s"}]}"""
                .formatted(product, product, stacker, press)).post(API + "/routings").then().statusCode(201);
        WorkOrdersTest.as("admin1").post(API + "/routings/R-" + product + "/versions/1/release").then().statusCode(200);
        FakeNeighbours.STATIONS.put(stacker + "-1", stacker); // registered with equipment
        FakeNeighbours.STATIONS.put(stacker + "-2", stacker);
        return new String[] { product, stacker, press };
    }

    private static String releasedOrder(String product, int priority) {
        String number = WorkOrdersTest.as("supervisor1").body("""
                {"product":"%s","plannedQuantity":4,"lotSize":2,"priority":%d}""".formatted(product, priority))
                .post(API + "/work-orders").then().statusCode(201).extract().path("number");
        WorkOrdersTest.as("supervisor1").post(API + "/work-orders/" + number + "/release").then().statusCode(200);
        return number;
    }

    private static List<String> ready(String equipmentClass) {
        return WorkOrdersTest.as("operator1").get(API + "/dispatch?equipmentClass=" + equipmentClass).then()
                .statusCode(200).extract().jsonPath().getList("lot");
    }

    @Test
    void eachStationSeesTheLotsReadyForItInPriorityOrder() {
        String[] p = productOnOwnEquipment();
        String low = releasedOrder(p[0], 900);
        String high = releasedOrder(p[0], 10);
        String held = releasedOrder(p[0], 1);
        WorkOrdersTest.as("supervisor1").body("{\"reason\":\"waiting for electrolyte\"}")
                .post(API + "/work-orders/" + held + "/hold").then().statusCode(200);

        assertEquals(List.of(high + "-01", high + "-02", low + "-01", low + "-02"), ready(p[1]),
                "stacker: every lot, most urgent first; nothing of the held order");
        assertEquals(List.of(), ready(p[2]), "press: nothing is stacked yet");

        WorkOrdersTest.as("operator1").body("{\"station\":\"" + p[1] + "-1\"}")
                .post(API + "/lots/" + high + "-01/operations/STACK/start").then()
                .statusCode(200);
        assertFalse(ready(p[1]).contains(high + "-01"), "started: no longer offered to the stacker");
        assertEquals(List.of(), ready(p[2]), "press: stacking not completed yet");
        WorkOrdersTest.as("operator1").body("{}").post(API + "/lots/" + high + "-01/operations/STACK/complete").then()
                .statusCode(200);
        assertEquals(List.of(high + "-01"), ready(p[2]), "press: the stacked lot is next");
    }

    @Test
    void aStationSeesWhetherItMayWorkWhatIsReadyForItAndWhatIsStartedOrPausedThere() {
        String[] p = productOnOwnEquipment();
        String order = releasedOrder(p[0], 50);
        String station = p[1] + "-1", other = p[1] + "-2";
        WorkOrdersTest.as("operator1").get(API + "/stations/" + station + "/dispatch").then().statusCode(200)
                .body("equipmentClass", equalTo(p[1])).body("available", equalTo(true))
                .body("items.lot", contains(order + "-01", order + "-02"))
                .body("items.state", contains("READY", "READY"));

        WorkOrdersTest.as("operator1").body("{\"station\":\"" + station + "\"}")
                .post(API + "/lots/" + order + "-01/operations/STACK/start").then().statusCode(200);
        WorkOrdersTest.as("operator1").body("{\"reason\":\"waiting for film roll\"}")
                .post(API + "/lots/" + order + "-01/operations/STACK/pause").then().statusCode(200);
        WorkOrdersTest.as("operator1").get(API + "/stations/" + station + "/dispatch").then()
                .body("items.lot", contains(order + "-01", order + "-02"))
                .body("items.state", contains("PAUSED", "READY")).body("items[0].station", equalTo(station));
        WorkOrdersTest.as("operator1").get(API + "/stations/" + other + "/dispatch").then()
                .body("items.lot", contains(order + "-02"));

        FakeNeighbours.UNAVAILABLE.put(station, """
                [{"code":"critical-alarm","detail":"alarm JAM (sheet jam) active since 2026-11-23T10:00:00Z"}]""");
        WorkOrdersTest.as("operator1").get(API + "/stations/" + station + "/dispatch").then().statusCode(200)
                .body("available", equalTo(false)).body("reasons.code", contains("critical-alarm"));
        FakeNeighbours.UNAVAILABLE.put(station, "DOWN");
        WorkOrdersTest.as("operator1").get(API + "/stations/" + station + "/dispatch").then().statusCode(503)
                .body("type", equalTo("urn:mes:problem:equipment-unavailable"));
        FakeNeighbours.UNAVAILABLE.remove(station);
        WorkOrdersTest.as("operator1").get(API + "/stations/NO-SUCH-STATION/dispatch").then().statusCode(404);
    }

    @Test
    void theWipCountsLotsWaitingAndInProcessPerOperationAndSaysWhatRunsAtEachStation() {
        String[] p = productOnOwnEquipment();
        String order = releasedOrder(p[0], 40);
        String station = p[1] + "-1";
        WorkOrdersTest.as("operator1").get(API + "/wip?product=" + p[0]).then().statusCode(200)
                .body("operations.operation", contains("STACK")).body("operations[0].lotsWaiting", equalTo(2))
                .body("operations[0].lotsInProcess", equalTo(0)).body("stations", org.hamcrest.Matchers.empty());

        WorkOrdersTest.as("operator1").body("{\"station\":\"" + station + "\"}")
                .post(API + "/lots/" + order + "-01/operations/STACK/start").then().statusCode(200);
        WorkOrdersTest.as("auditor1").get(API + "/wip?product=" + p[0]).then().statusCode(200)
                .body("operations.operation", contains("STACK")).body("operations[0].lotsWaiting", equalTo(1))
                .body("operations[0].lotsInProcess", equalTo(1)).body("operations[0].name", equalTo("Stacking"))
                .body("stations.station", contains(station)).body("stations[0].lots", contains(order + "-01"))
                .body("stations[0].state", equalTo("STARTED")).body("stations[0].operation", equalTo("STACK"));

        WorkOrdersTest.as("operator1").body("{}").post(API + "/lots/" + order + "-01/operations/STACK/complete")
                .then().statusCode(200);
        WorkOrdersTest.as("operator1").get(API + "/wip?product=" + p[0]).then().statusCode(200)
                .body("operations.operation", contains("STACK", "WIP"))
                .body("operations.lotsWaiting", contains(1, 1)).body("operations.lotsInProcess", contains(0, 0))
                .body("stations", org.hamcrest.Matchers.empty());
    }

    @Test
    void aBenchWherePeopleWorkByHandListsTheOperationsThatNeedNoEquipment() {
        String id = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String product = "M-" + id, stacker = "STACKER_" + id, bench = "DRYROOM-" + id;
        WorkOrdersTest.as("admin1").body("""
                {"code":"%s","name":"manual first","stage":"SAMPLE","nominalCapacityAh":1}""".formatted(product))
                .post(API + "/products").then().statusCode(201);
        WorkOrdersTest.as("admin1").body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"RECEIPT","name":"Material receipt","workCenterType":"WAREHOUSE"},
                  {"sequence":20,"code":"STACK","name":"Stacking","equipmentClass":"%s"}]}"""
                .formatted(product, product, stacker)).post(API + "/routings").then().statusCode(201);
        WorkOrdersTest.as("admin1").post(API + "/routings/R-" + product + "/versions/1/release").then().statusCode(200);
        FakeNeighbours.STATIONS.put(bench, "DRY_ROOM");
        FakeNeighbours.STATIONS.put(stacker + "-1", stacker);
        String order = releasedOrder(product, 20);

        WorkOrdersTest.as("operator1").get(API + "/stations/" + bench + "/dispatch").then().statusCode(200)
                .body("items.findAll { it.lot.startsWith('" + order + "') }.operation", contains("RECEIPT", "RECEIPT"));
        WorkOrdersTest.as("operator1").get(API + "/stations/" + stacker + "-1/dispatch").then()
                .body("items", equalTo(List.of()));

        WorkOrdersTest.as("operator1").body("{\"station\":\"" + bench + "\"}")
                .post(API + "/lots/" + order + "-01/operations/RECEIPT/start").then().statusCode(200);
        WorkOrdersTest.as("operator1").body("{}").post(API + "/lots/" + order + "-01/operations/RECEIPT/complete")
                .then().statusCode(200);
        WorkOrdersTest.as("operator1").get(API + "/stations/" + bench + "/dispatch").then()
                .body("items.findAll { it.lot.startsWith('" + order + "') }.lot", contains(order + "-02"));
        WorkOrdersTest.as("operator1").get(API + "/stations/" + stacker + "-1/dispatch").then()
                .body("items.lot", contains(order + "-01"));
    }
}
