package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.pilotline.mes.systemtests.ThinPathIT.as;
import static org.pilotline.mes.systemtests.ThinPathIT.equipment;
import static org.pilotline.mes.systemtests.ThinPathIT.login;
import static org.pilotline.mes.systemtests.ThinPathIT.publish;
import static org.pilotline.mes.systemtests.ThinPathIT.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;

import io.restassured.response.ValidatableResponse;

/**
 * An operator's start (and resume) asks the real equipment and quality services: a failed gate, a faulted station,
 * an overdue calibration and a hold each refuse it with the reason, and it goes ahead once they are cleared.
 */
class StartRefusalsIT {

    @BeforeAll
    static void startThePlant() throws Exception {
        ThinPathIT.startThePlant(); // the plant is shared; ThinPathIT's helpers talk to it
    }

    private static ValidatableResponse startSeal(String operator, String lot) {
        return as(operator).body("{\"station\":\"SEAL-01\"}")
                .post("/api/work-orders/lots/" + lot + "/operations/SEAL/start").then();
    }

    private static ValidatableResponse resumeSeal(String operator, String lot) {
        return as(operator).post("/api/work-orders/lots/" + lot + "/operations/SEAL/resume").then();
    }

    @Test
    void aFailedGateAFaultedStationAnOverdueCalibrationAndAHoldEachRefuseUntilCleared() {
        String admin = login("admin1"), supervisor = login("supervisor1"), operator = login("operator1");
        String product = unique("CELL-20AH");
        as(admin).body("""
                {"code":"%s","name":"20 Ah process cell","stage":"PROCESS","nominalCapacityAh":20}""".formatted(product))
                .post("/api/work-orders/products").then().statusCode(201);
        as(admin).body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking","equipmentClass":"STACKER","characteristics":[
                    {"code":"STACK_HEIGHT","name":"Stack height","unit":"mm","lowerLimit":4.0,"upperLimit":4.5}]},
                  {"sequence":20,"code":"SEAL","name":"Pouch sealing","equipmentClass":"SEALER"}]}"""
                .formatted(product, product)).post("/api/work-orders/routings").then().statusCode(201);
        as(admin).post("/api/work-orders/routings/R-" + product + "/versions/1/release").then().statusCode(200);
        String number = as(supervisor).body("{\"product\":\"" + product + "\",\"plannedQuantity\":10}")
                .post("/api/work-orders/work-orders").then().statusCode(201).extract().path("number");
        as(supervisor).post("/api/work-orders/work-orders/" + number + "/release").then().statusCode(200);
        String lot = number + "-01";

        as(operator).body("{\"station\":\"STACK-01\"}").post("/api/work-orders/lots/" + lot + "/operations/STACK/start")
                .then().statusCode(200);
        as(operator).body("{}").post("/api/work-orders/lots/" + lot + "/operations/STACK/complete").then()
                .statusCode(200);
        startSeal(operator, lot).statusCode(409).body("type", equalTo("urn:mes:problem:quality-gate-pending"));

        Mqtt3BlockingClient stacker = equipment();
        publish(stacker, "mes/v1/pilot/assembly/L1/STACK-01/event", """
                {"eventId":"%s","ts":"%s","type":"measurement","characteristic":"STACK_HEIGHT","value":4.8,"unit":"mm",
                 "lot":"%s"}""".formatted(unique("E"), Instant.now(), lot));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> startSeal(operator, lot).statusCode(409)
                .body("type", equalTo("urn:mes:problem:quality-gate-failed"))
                .body("detail", containsString("STACK_HEIGHT 4.8 mm above upper limit 4.5 mm")));
        publish(stacker, "mes/v1/pilot/assembly/L1/STACK-01/event", """
                {"eventId":"%s","ts":"%s","type":"measurement","characteristic":"STACK_HEIGHT","value":4.3,"unit":"mm",
                 "lot":"%s"}""".formatted(unique("E"), Instant.now().plusSeconds(1), lot)); // re-measured after rework
        publish(stacker, "mes/v1/pilot/assembly/L1/SEAL-01/state", """
                {"eventId":"%s","ts":"%s","state":"ABORTED","mode":"PRODUCTION"}""".formatted(unique("E"), Instant.now()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> startSeal(operator, lot).statusCode(409)
                .body("type", equalTo("urn:mes:problem:equipment-not-available"))
                .body("detail", containsString("SEAL-01 is ABORTED")));

        publish(stacker, "mes/v1/pilot/assembly/L1/SEAL-01/state", """
                {"eventId":"%s","ts":"%s","state":"IDLE","mode":"PRODUCTION"}"""
                .formatted(unique("E"), Instant.now().plusSeconds(2)));
        stacker.disconnect();
        String quality = login("quality1");
        long hold = as(quality).body("""
                {"itemType":"LOT","itemId":"%s","reason":"dry room dew point excursion during stacking"}""".formatted(lot))
                .post("/api/quality/holds").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> startSeal(operator, lot).statusCode(409)
                .body("type", equalTo("urn:mes:problem:on-hold"))
                .body("detail", containsString("dew point excursion")));
        as(quality).body("{\"meaning\":\"released after review\",\"reason\":\"exposure within the material's limit\"}")
                .post("/api/quality/holds/" + hold + "/release").then().statusCode(200).body("open", equalTo(false));
        startSeal(operator, lot).statusCode(200).body("state", equalTo("STARTED"));

        // resuming asks again: an overdue calibration found during a pause keeps the sealer from going on
        as(operator).body("{\"reason\":\"sealing jaws to be checked\"}")
                .post("/api/work-orders/lots/" + lot + "/operations/SEAL/pause").then().statusCode(200);
        String yesterday = LocalDate.now().minusDays(1).toString();
        as(supervisor).body("""
                {"kind":"CALIBRATION","intervalDays":180,"dueOn":"%s","reason":"jaw temperature sensor"}""".formatted(yesterday))
                .put("/api/equipment/equipment/SEAL-01/service-tasks/JAW-TEMP").then().statusCode(200);
        resumeSeal(operator, lot).statusCode(409).body("type", equalTo("urn:mes:problem:equipment-not-available"))
                .body("detail", equalTo("SEAL-01 may not take work: calibration JAW-TEMP was due on " + yesterday));
        as(quality).body("{\"reference\":\"CERT-SEAL-0042\"}")
                .post("/api/equipment/equipment/SEAL-01/service-tasks/JAW-TEMP/done").then().statusCode(200);
        resumeSeal(operator, lot).statusCode(200).body("state", equalTo("STARTED"));
        as(operator).get("/api/work-orders/lots/" + lot + "/operations").then()
                .body("state", equalTo(List.of("COMPLETED", "STARTED")));
    }
}
