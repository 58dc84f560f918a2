package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A machine's broker credential follows the registry: issued once with its password shown once, it lets the machine
 * publish as itself and as nobody else; revoked, the broker refuses it at once, without a restart.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class MachineCredentialTest {

    private static final String API = "/api/equipment";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON);
    }

    private static String broker() {
        return ConfigProvider.getConfig().getValue("mes.mqtt.url", String.class);
    }

    private static String register(String area) {
        String id = "CELL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        as("admin1").body("""
                {"name":"Test machine","equipmentClass":"STACKER","site":"pilot","area":"%s","line":"L1"}"""
                .formatted(area)).put(API + "/equipment/" + id).then().statusCode(200);
        return id;
    }

    private static String state(String state) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"ts\":\"2026-12-03T08:00:00Z\",\"state\":\"" + state
                + "\",\"mode\":\"PRODUCTION\"}";
    }

    @Test
    void aMachinePublishesAsItselfOnlyAndItsRevokedCredentialIsRefusedAtOnce() {
        String mine = register("assembly");
        String other = register("assembly");
        as("operator1").post(API + "/equipment/" + mine + "/broker-credential").then().statusCode(403);
        String password = as("admin1").post(API + "/equipment/" + mine + "/broker-credential").then()
                .statusCode(201).header("Cache-Control", "no-store").body("username", equalTo(mine))
                .body("publish", hasItems("mes/v1/pilot/assembly/L1/" + mine + "/+"))
                .extract().path("password");
        as("auditor1").get(API + "/equipment/" + mine + "/broker-credential").then().statusCode(200)
                .body("issuedBy", equalTo("admin1")).body("revokedAt", nullValue()).body("password", nullValue());

        try (TestMqtt harness = TestMqtt.connect().collect("mes/v1/#");
                TestMqtt machine = TestMqtt.connect(broker(), mine, password)) {
            machine.publishMayBeRefused("mes/v1/pilot/assembly/L1/" + other + "/state", state("EXECUTE")); // as another
            machine.publishMayBeRefused("mes/v1/events/work-orders/lot.decided", "{\"forged\":true}"); // an event
            machine.publish("mes/v1/pilot/assembly/L1/" + mine + "/state", state("EXECUTE"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1")
                    .get(API + "/equipment/" + mine).then().body("state", equalTo("EXECUTE")));
            var topics = harness.received().stream().map(TestMqtt.Received::topic).toList();
            assertTrue(topics.contains("mes/v1/pilot/assembly/L1/" + mine + "/state"), topics.toString());
            assertFalse(topics.contains("mes/v1/pilot/assembly/L1/" + other + "/state"), "not as another machine");
            assertFalse(topics.contains("mes/v1/events/work-orders/lot.decided"), "no domain event from a machine");
            as("operator1").get(API + "/equipment/" + other).then().body("state", nullValue());
        }
        assertThrows(RuntimeException.class, () -> TestMqtt.connect(broker(), null, null).close(), "anonymous");

        as("admin1").delete(API + "/equipment/" + mine + "/broker-credential").then().statusCode(200)
                .body("revokedBy", equalTo("admin1")).body("revokedAt", notNullValue());
        assertThrows(RuntimeException.class, () -> TestMqtt.connect(broker(), mine, password).close(), "revoked");
        as("admin1").delete(API + "/equipment/" + mine + "/broker-credential").then().statusCode(409);

        String again = as("admin1").post(API + "/equipment/" + mine + "/broker-credential").then().statusCode(201)
                .extract().path("password");
        assertFalse(again.equals(password), "a new password");
        TestMqtt.connect(broker(), mine, again).close();
        as("auditor1").get(API + "/audit?entityType=equipment&entityId=" + mine).then().statusCode(200)
                .body("items.action", hasItems("machine-credential.issued", "machine-credential.revoked",
                        "machine-credential.reissued"));
        as("admin1").post(API + "/equipment/NOPE-404/broker-credential").then().statusCode(404);
    }
}
