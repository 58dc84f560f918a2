package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The ISA-95 hierarchy, equipment classes with their tags, and registering equipment so it may publish. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class RegistryTest {

    private static final String API = "/api/equipment";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON);
    }

    @Test
    void theHierarchyRunsFromEnterpriseToTheEquipmentOfEachLine() {
        as("operator1").get(API + "/hierarchy").then().statusCode(200)
                .body("[0].level", equalTo("ENTERPRISE")).body("[0].children[0].id", equalTo("pilot"))
                .body("[0].children[0].children.code", hasItems("electrolyte", "electrode", "assembly", "formation"))
                .body("[0].children[0].children.find { it.code == 'assembly' }.children[0].equipment",
                        hasItems("STACK-01", "PRESS-01", "DRYROOM-01"));
        as("operator1").get(API + "/equipment-classes/GRADING_TESTER").then().statusCode(200)
                .body("tags.tag", hasItems("ocvV", "acirMOhm", "capacityAh"))
                .body("tags.find { it.tag == 'acirMOhm' }.unit", equalTo("mOhm"));
        as("operator1").get(API + "/equipment-classes").then().statusCode(200).body("size()", equalTo(15));
    }

    @Test
    void newEquipmentIsRegisteredInAWorkCellAndMayPublishAtOnce() {
        String cell = "FC" + UUID.randomUUID().toString().substring(0, 6);
        as("admin1").body("{\"level\":\"WORK_CELL\",\"code\":\"" + cell + "\",\"name\":\"Formation cell\","
                + "\"parent\":\"pilot/formation/L1\"}").post(API + "/hierarchy").then().statusCode(201)
                .body("id", equalTo("pilot/formation/L1/" + cell));
        as("admin1").body("{\"level\":\"WORK_CELL\",\"code\":\"" + cell + "\",\"name\":\"again\","
                + "\"parent\":\"pilot/formation/L1\"}").post(API + "/hierarchy").then().statusCode(409);
        String id = "FORM-" + UUID.randomUUID().toString().substring(0, 6);
        try (TestMqtt machine = TestMqtt.connect()) {
            String topic = "mes/v1/pilot/formation/L1/" + id + "/state";
            machine.publish(topic, "{\"eventId\":\"early\",\"ts\":\"2026-11-23T08:00:00Z\",\"state\":\"IDLE\",\"mode\":\"PRODUCTION\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1").get(API + "/dead-letters?size=5")
                    .then().body("items.reason", hasItem("unknown-equipment: equipment " + id + " is not registered")));
            as("admin1").body("""
                    {"name":"Formation cycler 2","equipmentClass":"FORMATION_CYCLER","site":"pilot","area":"formation",
                     "line":"L1","workCell":"%s","reason":"second cycler commissioned"}""".formatted(cell))
                    .put(API + "/equipment/" + id).then().statusCode(200).body("workCell", equalTo(cell))
                    .body("topic", equalTo("mes/v1/pilot/formation/L1/" + id));
            machine.publish(topic, "{\"eventId\":\"after\",\"ts\":\"2026-11-23T08:01:00Z\",\"state\":\"EXECUTE\",\"mode\":\"PRODUCTION\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/equipment/" + id)
                    .then().statusCode(200).body("state", equalTo("EXECUTE")));
        }
        as("operator1").get(API + "/hierarchy").then().body(
                "[0].children[0].children.find { it.code == 'formation' }.children[0].children.find { it.code == '"
                        + cell + "' }.equipment", hasItem(id));
        as("auditor1").get(API + "/audit?entityType=equipment&entityId=" + id).then().statusCode(200)
                .body("items[0].action", equalTo("equipment.registered"))
                .body("items[0].reason", equalTo("second cycler commissioned"));
    }

    @Test
    void registrationsThatDoNotFitThePlantAreRefused() {
        String body = """
                {"name":"x","equipmentClass":"%s","site":"pilot","area":"%s","line":"L1"}""";
        as("admin1").body(body.formatted("TOASTER", "assembly")).put(API + "/equipment/X-1").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:unknown-class"));
        as("admin1").body(body.formatted("STACKER", "basement")).put(API + "/equipment/X-1").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:unknown-line"));
        as("admin1").body(body.formatted("STACKER", "assembly")).put(API + "/equipment/bad id").then().statusCode(400);
        as("supervisor1").body(body.formatted("STACKER", "assembly")).put(API + "/equipment/X-1").then().statusCode(403);
        as("admin1").body("{\"level\":\"LINE\",\"code\":\"L2\",\"name\":\"x\",\"parent\":\"pilot\"}")
                .post(API + "/hierarchy").then().statusCode(400).body("type", equalTo("urn:mes:problem:bad-parent"));
        as("admin1").body("{\"name\":\"x\",\"tags\":[{\"tag\":\"a\",\"unit\":\"u\",\"meaning\":\"m\"},"
                + "{\"tag\":\"a\",\"unit\":\"u\",\"meaning\":\"m\"}]}").put(API + "/equipment-classes/NEW").then()
                .statusCode(400).body("type", equalTo("urn:mes:problem:duplicate-tag"));
    }
}
