package org.pilotline.mes.genealogy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class GenealogyTest {

    private static final String API = "/api/genealogy";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void receive(String id, String type, String qty, String unit) {
        as("operator1").body("""
                {"id":"%s","materialType":"%s","quantity":%s,"unit":"%s","supplier":"Acme","supplierLot":"S-%s"}"""
                .formatted(id, type, qty, unit, id)).post(API + "/material-lots").then().statusCode(201)
                .body("kind", equalTo("RAW"));
    }

    /** Publishes what the equipment service would: a CloudEvent on its events topic. */
    private static String event(TestMqtt mqtt, String type, String data) {
        String id = UUID.randomUUID().toString();
        publish(mqtt, id, type, data);
        return id;
    }

    private static void publish(TestMqtt mqtt, String id, String type, String data) {
        mqtt.publish("mes/v1/events/equipment/" + type, """
                {"specversion":"1.0","id":"%s","source":"/mes/equipment","type":"%s","subject":"x",
                 "time":"2026-11-23T08:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(id, type, data));
    }

    private static String subCoil(String id, String cathodeLot, String foilLot) {
        return """
                {"equipment":"SLIT-01","line":"L1","materialLot":"%s","materialType":"CATHODE_SUBCOIL","quantity":250,
                 "unit":"m","inputs":[{"materialLot":"%s","quantity":2.5,"unit":"kg"},
                                      {"materialLot":"%s","quantity":250,"unit":"m"}],
                 "parentRange":{"from":0,"to":250,"unit":"m"},"ts":"2026-11-23T08:00:00Z"}"""
                .formatted(id, cathodeLot, foilLot);
    }

    private static String cell(String serial, String lot, String subCoil, String film) {
        return """
                {"equipment":"STACK-01","line":"L1","cell":"%s","lot":"%s",
                 "inputs":[{"materialLot":"%s","quantity":0.5,"unit":"m"},{"materialLot":"%s","quantity":0.4,"unit":"m"}],
                 "parameters":{},"ts":"2026-11-23T08:05:00Z"}""".formatted(serial, lot, subCoil, film);
    }

    @Test
    void aCellTracesBackToEveryRawLotAndARawLotForwardToTheCell() {
        String ncm = unique("NCM"), foil = unique("ALFOIL"), film = unique("SEFILM"), sub = unique("CC-S1");
        String serial = unique("CELL"), lot = unique("LOT");
        receive(ncm, "NCM811", "50", "kg");
        receive(foil, "AL_FOIL", "2000", "m");
        receive(film, "SE_FILM", "500", "m");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            mqtt.publish("mes/v1/events/work-orders/lot.created", """
                    {"specversion":"1.0","id":"%s","source":"/mes/work-orders","type":"lot.created","subject":"%s",
                     "data":{"lot":"%s","workOrder":"WO-2026-00001","product":"CELL-1AH","routing":"R1",
                     "routingVersion":1,"plannedQuantity":10}}""".formatted(UUID.randomUUID(), lot, lot));
            event(mqtt, "material.produced", subCoil(sub, ncm, foil));
            event(mqtt, "cell.assembled", cell(serial, lot, sub, film));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1")
                .get(API + "/cells/" + serial).then().statusCode(200).body("workOrder", equalTo("WO-2026-00001")));

        as("auditor1").get(API + "/cells/" + serial + "/trace/backward").then().statusCode(200)
                .body("rawMaterials.id", containsInAnyOrder(ncm, foil, film))
                .body("steps.find { it.materialLot == '" + sub + "' }.depth", equalTo(1))
                .body("steps.find { it.materialLot == '" + ncm + "' }.depth", equalTo(2))
                .body("steps.find { it.materialLot == '" + ncm + "' }.into", equalTo(sub))
                .body("steps.find { it.materialLot == '" + foil + "' }.rangeTo", equalTo(250f));
        as("auditor1").get(API + "/material-lots/" + ncm + "/trace/forward").then().statusCode(200)
                .body("materialLots.materialLot", contains(sub))
                .body("cells.serial", contains(serial)).body("cells[0].lot", equalTo(lot));
        as("auditor1").get(API + "/material-lots/" + ncm).then().body("quantity", equalTo(47.5f));
        as("auditor1").get(API + "/audit?entityType=cell&entityId=" + serial).then()
                .body("items.actorId", contains("device:STACK-01"));
        as("auditor1").get(API + "/audit?entityType=material-lot&entityId=" + ncm).then()
                .body("items.action", contains("material-lot.received", "material-lot.consumed"))
                .body("items[1].actorId", equalTo("device:SLIT-01"))
                .body("items[1].oldValue", containsString("\"quantity\":50"))
                .body("items[1].newValue", containsString("\"quantity\":47.5"));
    }

    @Test
    void aRedeliveredEventDoesNotDoubleLinksOrQuantities() {
        String ncm = unique("NCM"), foil = unique("ALFOIL"), sub = unique("CC-S1");
        receive(ncm, "NCM811", "10", "kg");
        receive(foil, "AL_FOIL", "1000", "m");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            String id = UUID.randomUUID().toString();
            publish(mqtt, id, "material.produced", subCoil(sub, ncm, foil));
            publish(mqtt, id, "material.produced", subCoil(sub, ncm, foil));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1")
                .get(API + "/material-lots/" + sub).then().statusCode(200));
        long dead = as("admin1").get(API + "/dead-letters").then().extract().jsonPath().getLong("total");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, "material.produced", subCoil(unique("FENCE"), unique("NOPE"), foil)); // processed after both
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> as("admin1").get(API + "/dead-letters").then()
                .extract().jsonPath().getLong("total") == dead + 1);
        as("auditor1").get(API + "/material-lots/" + ncm).then().body("quantity", equalTo(7.5f));
        as("auditor1").get(API + "/material-lots/" + ncm + "/trace/forward").then()
                .body("materialLots", hasSize(1));
    }

    @Test
    void unknownOrShortInputsAreDeadLetteredAndChangeNothing() {
        String foil = unique("ALFOIL"), sub = unique("CC-S1"), sub2 = unique("CC-S2");
        receive(foil, "AL_FOIL", "100", "m");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, "material.produced", subCoil(sub, unique("GHOST"), foil));
            event(mqtt, "material.produced", """
                    {"equipment":"SLIT-01","line":"L1","materialLot":"%s","materialType":"CATHODE_SUBCOIL",
                     "quantity":250,"unit":"m","inputs":[{"materialLot":"%s","quantity":250,"unit":"m"}],
                     "ts":"2026-11-23T08:00:00Z"}""".formatted(sub2, foil));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin1").get(API + "/dead-letters?size=5")
                .then().body("items.reason", org.hamcrest.Matchers.hasItems(
                        org.hamcrest.Matchers.startsWith("unknown-material-lot: input material lot GHOST"),
                        org.hamcrest.Matchers.startsWith("insufficient-quantity: input " + foil + " has 100"))));
        as("auditor1").get(API + "/material-lots/" + sub).then().statusCode(404);
        as("auditor1").get(API + "/material-lots/" + sub2).then().statusCode(404);
        as("auditor1").get(API + "/material-lots/" + foil).then().body("quantity", equalTo(100f));
    }

    @Test
    void receiptIsValidatedAndOperatorsCannotTrace() {
        as("operator1").body("{\"id\":\"bad id\",\"quantity\":0}").post(API + "/material-lots").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("id", "materialType", "quantity", "unit",
                        "supplier", "supplierLot"));
        as("auditor1").body("{}").post(API + "/material-lots").then().statusCode(403);
        as("operator1").get(API + "/cells/ANY/trace/backward").then().statusCode(403);
    }
}
