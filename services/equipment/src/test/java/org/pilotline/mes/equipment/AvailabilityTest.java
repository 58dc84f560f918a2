package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** What work-orders asks before an operation starts: may work start on this equipment now, and if not, why. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class AvailabilityTest {

    private static final String API = "/api/equipment";

    private static ValidatableResponse availability(String equipment) {
        return given().auth().oauth2(TestTokens.of("operator1")).get(API + "/equipment/" + equipment + "/availability")
                .then().statusCode(200);
    }

    private static void publish(TestMqtt machine, String topic, String body) {
        machine.publish(topic, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"ts\":\"2026-11-23T10:00:0"
                + System.nanoTime() % 10 + "Z\"," + body + "}");
    }

    @Test
    void equipmentThatNeverReportedAStateIsJudgedByTheRest() {
        availability("SLIT-01").body("available", equalTo(true)).body("reasons", empty())
                .body("equipmentClass", equalTo("SLITTER"));
    }

    @Test
    void aStoppedOrFaultedMachineOrOneInMaintenanceModeIsNotAvailable() {
        String sealer = "mes/v1/pilot/assembly/L1/SEAL-01/state";
        try (TestMqtt machine = TestMqtt.connect()) {
            publish(machine, sealer, "\"state\":\"ABORTED\",\"mode\":\"PRODUCTION\"");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> availability("SEAL-01")
                    .body("available", equalTo(false)).body("reasons.code", contains("equipment-state")));
            machine.publish(sealer, "{\"eventId\":\"" + UUID.randomUUID()
                    + "\",\"ts\":\"2026-11-23T11:00:00Z\",\"state\":\"IDLE\",\"mode\":\"MAINTENANCE\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> availability("SEAL-01")
                    .body("available", equalTo(false)).body("reasons.code", contains("maintenance-mode")));
            machine.publish(sealer, "{\"eventId\":\"" + UUID.randomUUID()
                    + "\",\"ts\":\"2026-11-23T12:00:00Z\",\"state\":\"IDLE\",\"mode\":\"PRODUCTION\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> availability("SEAL-01")
                    .body("available", equalTo(true)).body("state", equalTo("IDLE")));
        }
    }

    @Test
    void aCriticalAlarmBlocksUntilClearedAWarningDoesNot() {
        String alarm = "mes/v1/pilot/assembly/L1/LEAK-01/alarm";
        try (TestMqtt machine = TestMqtt.connect()) {
            publish(machine, alarm, "\"code\":\"HE-LOW\",\"severity\":\"WARNING\",\"active\":true,\"text\":\"helium low\"");
            publish(machine, alarm, "\"code\":\"VAC-FAIL\",\"severity\":\"CRITICAL\",\"active\":true,\"text\":\"vacuum lost\"");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> availability("LEAK-01")
                    .body("available", equalTo(false)).body("reasons.code", contains("critical-alarm"))
                    .body("reasons[0].detail", org.hamcrest.Matchers.containsString("VAC-FAIL (vacuum lost)")));
            given().auth().oauth2(TestTokens.of("operator1")).get(API + "/equipment/LEAK-01/alarms").then()
                    .statusCode(200).body("code", contains("VAC-FAIL", "HE-LOW"));
            given().auth().oauth2(TestTokens.of("supervisor1")).get(API + "/alarms").then().statusCode(200)
                    .body("code", hasItem("VAC-FAIL"));

            publish(machine, alarm, "\"code\":\"VAC-FAIL\",\"severity\":\"CRITICAL\",\"active\":false");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> availability("LEAK-01")
                    .body("available", equalTo(true)));
            given().auth().oauth2(TestTokens.of("operator1")).get(API + "/equipment/LEAK-01/alarms").then()
                    .statusCode(200).body("code", contains("HE-LOW"));
        }
    }

    @Test
    void anOverdueCalibrationBlocksUntilRecordedDone() {
        LocalDate today = LocalDate.now();
        given().auth().oauth2(TestTokens.of("supervisor1")).contentType("application/json")
                .body("{\"kind\":\"CALIBRATION\",\"intervalDays\":90,\"dueOn\":\"" + today.minusDays(1)
                        + "\",\"reason\":\"load cell certificate expired\"}")
                .put(API + "/equipment/CAL-01/service-tasks/ROLL-GAP-GAUGE").then().statusCode(200)
                .body("dueOn", equalTo(today.minusDays(1).toString()));
        availability("CAL-01").body("available", equalTo(false))
                .body("reasons.code", contains("calibration-overdue"))
                .body("reasons[0].detail", equalTo("calibration ROLL-GAP-GAUGE was due on " + today.minusDays(1)));

        given().auth().oauth2(TestTokens.of("quality1")).contentType("application/json")
                .body("{\"doneOn\":\"" + today.plusDays(1) + "\"}")
                .post(API + "/equipment/CAL-01/service-tasks/ROLL-GAP-GAUGE/done").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:done-in-the-future"));
        given().auth().oauth2(TestTokens.of("operator1")).contentType("application/json").body("{}")
                .post(API + "/equipment/CAL-01/service-tasks/ROLL-GAP-GAUGE/done").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("quality1")).contentType("application/json")
                .body("{\"reference\":\"CERT-2026-118\"}")
                .post(API + "/equipment/CAL-01/service-tasks/ROLL-GAP-GAUGE/done").then().statusCode(200)
                .body("dueOn", equalTo(today.plusDays(90).toString())).body("lastDoneBy", notNullValue());
        availability("CAL-01").body("available", equalTo(true)).body("nextDue", equalTo(today.plusDays(90).toString()));
        given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/audit?entityType=equipment&entityId=CAL-01")
                .then().statusCode(200).body("items.action", hasItem("service-task.done"));
    }

    @Test
    void unknownEquipmentIs404() {
        given().auth().oauth2(TestTokens.of("operator1")).get(API + "/equipment/NOPE-01/availability").then()
                .statusCode(404);
    }
}
