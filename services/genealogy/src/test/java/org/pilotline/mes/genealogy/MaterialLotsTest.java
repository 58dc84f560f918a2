package org.pilotline.mes.genealogy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Material lots as received (certificate, expiry, consumables), what may be taken from them, and by whom. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class MaterialLotsTest {

    private static final String API = "/api/genealogy";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void receive(String id, String quantity, String unit, String extra) {
        as("operator1").body("""
                {"id":"%s","materialType":"LI2S","quantity":%s,"unit":"%s","supplier":"Acme","supplierLot":"S-1"%s}"""
                .formatted(id, quantity, unit, extra)).post(API + "/material-lots").then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse consume(String lot, String body) {
        return as("operator1").body(body).post(API + "/material-lots/" + lot + "/consumptions").then();
    }

    private static JsonPath lot(String id) {
        return as("auditor1").get(API + "/material-lots/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void holdEvent(TestMqtt mqtt, String type, long hold, String lot, boolean open) {
        mqtt.publish("mes/v1/events/quality/" + type, """
                {"specversion":"1.0","id":"%s","source":"/mes/quality","type":"%s","subject":"%s","data":
                 {"hold":%d,"itemType":"MATERIAL_LOT","itemId":"%s","reason":"moisture above CoA","source":"person",
                  "by":"quality1","at":"2026-11-24T08:00:00Z","open":%s}}""".formatted(UUID.randomUUID(), type, lot,
                hold, lot, open));
    }

    @Test
    void aReceiptKeepsItsCertificateExpiryAndKind() {
        String id = unique("LI2S");
        receive(id, "25", "kg", """
                ,"kind":"CONSUMABLE","expiresOn":"2027-06-30","certificate":{"purityPct":99.9,"moisturePpm":12,"grade":"battery"}""");
        JsonPath l = lot(id);
        assertEquals("CONSUMABLE", l.getString("kind"));
        assertEquals("2027-06-30", l.getString("expiresOn"));
        assertEquals(12, l.getInt("certificate.moisturePpm"));
        assertEquals("battery", l.getString("certificate.grade"));
        assertEquals(25.0f, l.getFloat("receivedQuantity"));
        as("operator1").body("""
                {"id":"%s","materialType":"X","quantity":1,"unit":"kg","supplier":"A","supplierLot":"S","kind":"MAGIC"}"""
                .formatted(unique("BAD"))).post(API + "/material-lots").then().statusCode(400);
    }

    @Test
    void anOperatorBooksMaterialIntoALotAndItShowsInTheForwardTrace() {
        String id = unique("NCM"), prodLot = unique("WO-LOT");
        receive(id, "10", "kg", "");
        consume(id, "{\"quantity\":2.5,\"unit\":\"kg\",\"lot\":\"" + prodLot + "\",\"operation\":\"MIX\"}")
                .statusCode(200).body("quantity", equalTo(7.5f)).body("status", equalTo("AVAILABLE"));
        as("auditor1").get(API + "/material-lots/" + id + "/trace/forward").then().statusCode(200)
                .body("productionLots.lot", contains(prodLot));
        as("auditor1").get(API + "/audit?entityType=material-lot&entityId=" + id).then()
                .body("items.action", contains("material-lot.received", "material-lot.consumed"));
        consume(id, "{\"quantity\":7.5,\"unit\":\"kg\",\"cell\":\"" + unique("C") + "\"}").statusCode(200)
                .body("status", equalTo("CONSUMED"));
    }

    @Test
    void whatCannotBeTakenIsRefusedWithTheReasonAndChangesNothing() {
        String id = unique("P2S5"), expired = unique("LICL"), scrapped = unique("NCM");
        receive(id, "5", "kg", "");
        receive(expired, "5", "kg", ",\"expiresOn\":\"" + LocalDate.now().minusDays(1) + "\"");
        receive(scrapped, "5", "kg", "");
        String into = ",\"lot\":\"L-1\"}";
        consume(id, "{\"quantity\":6,\"unit\":\"kg\"" + into).statusCode(409)
                .body("type", equalTo("urn:mes:problem:insufficient-quantity"));
        consume(id, "{\"quantity\":1,\"unit\":\"m\"" + into).statusCode(400)
                .body("type", equalTo("urn:mes:problem:unit-mismatch"));
        consume(id, "{\"quantity\":1,\"unit\":\"kg\"}").statusCode(400)
                .body("type", equalTo("urn:mes:problem:lot-or-cell"));
        consume(id, "{\"quantity\":-1,\"unit\":\"kg\"" + into).statusCode(400);
        consume(expired, "{\"quantity\":1,\"unit\":\"kg\"" + into).statusCode(409)
                .body("type", equalTo("urn:mes:problem:material-lot-expired"));
        consume(unique("GHOST"), "{\"quantity\":1,\"unit\":\"kg\"" + into).statusCode(404);
        as("operator1").body("{\"reason\":\"dropped\"}").post(API + "/material-lots/" + scrapped + "/scrap").then()
                .statusCode(403);
        as("quality1").body("{\"reason\":\"container dropped in the airlock\"}")
                .post(API + "/material-lots/" + scrapped + "/scrap").then().statusCode(200)
                .body("status", equalTo("SCRAPPED"));
        consume(scrapped, "{\"quantity\":1,\"unit\":\"kg\"" + into).statusCode(409)
                .body("type", equalTo("urn:mes:problem:material-lot-not-available"));
        assertEquals(5.0f, lot(id).getFloat("quantity"), "refusals changed nothing");
        assertEquals(5.0f, lot(expired).getFloat("quantity"));
        as("auditor1").get(API + "/audit?entityType=material-lot&entityId=" + scrapped).then()
                .body("items[1].action", equalTo("material-lot.scrapped"))
                .body("items[1].reason", equalTo("container dropped in the airlock"));
    }

    @Test
    void aLotQualityHoldsIsNotConsumedByPeopleOrMachinesUntilReleased() throws Exception {
        String id = unique("SEFILM");
        receive(id, "100", "m", "");
        long hold = System.nanoTime() % 1_000_000_000L;
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/genealogy/+");
                TestMqtt mqtt = TestMqtt.connect()) {
            holdEvent(mqtt, "hold.placed", hold, id, true);
            await().atMost(Duration.ofSeconds(10)).until(() -> lot(id).getString("status").equals("ON_HOLD"));
            consume(id, "{\"quantity\":1,\"unit\":\"m\",\"lot\":\"L-2\"}").statusCode(409)
                    .body("type", equalTo("urn:mes:problem:material-lot-on-hold"));

            String serial = unique("CELL");
            mqtt.publish("mes/v1/events/equipment/cell.assembled", """
                    {"specversion":"1.0","id":"%s","source":"/mes/equipment","type":"cell.assembled","subject":"%s",
                     "data":{"equipment":"STACK-01","line":"L1","cell":"%s","lot":"L-2",
                     "inputs":[{"materialLot":"%s","quantity":0.4,"unit":"m"}],"parameters":{},
                     "ts":"2026-11-24T08:05:00Z"}}""".formatted(UUID.randomUUID(), serial, serial, id));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.received().stream()
                    .anyMatch(m -> m.topic().endsWith("material.consumption-refused")));
            JsonPath refused = JsonPath.from(events.received().stream()
                    .filter(m -> m.topic().endsWith("material.consumption-refused")).findFirst().orElseThrow()
                    .payload());
            assertEquals("cell.assembled", refused.getString("data.sourceType"));
            assertEquals(serial, refused.getString("data.subject"));
            assertEquals("material-lot-on-hold", refused.getString("data.code"));
            List<String> reasons = as("auditor1").get(API + "/dead-letters?size=20").then().extract().jsonPath()
                    .getList("items.reason");
            assertEquals(true, reasons.contains("material-lot-on-hold: input material lot " + id
                    + " is on hold by quality"), reasons.toString());
            as("auditor1").get(API + "/cells/" + serial).then().statusCode(404);

            holdEvent(mqtt, "hold.released", hold, id, false);
            await().atMost(Duration.ofSeconds(10)).until(() -> lot(id).getString("status").equals("AVAILABLE"));
        }
        consume(id, "{\"quantity\":1,\"unit\":\"m\",\"lot\":\"L-2\"}").statusCode(200).body("quantity", equalTo(99.0f));
    }

    @Test
    void aMachinesConsumptionIsBookedOnceHoweverOftenItArrives() {
        String id = unique("LIFOIL"), prodLot = unique("WO-LOT");
        receive(id, "50", "m", "");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            String eventId = UUID.randomUUID().toString();
            for (int i = 0; i < 2; i++) {
                mqtt.publish("mes/v1/events/equipment/material.consumed", """
                        {"specversion":"1.0","id":"%s","source":"/mes/equipment","type":"material.consumed",
                         "subject":"%s","data":{"equipment":"STACK-01","materialLot":"%s","quantity":3,"unit":"m",
                         "lot":"%s","ts":"2026-11-24T09:00:00Z"}}""".formatted(eventId, id, id, prodLot));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> lot(id).getFloat("quantity") == 47.0f);
        as("auditor1").get(API + "/material-lots/" + id + "/trace/forward").then()
                .body("productionLots.lot", contains(prodLot));
    }
}
