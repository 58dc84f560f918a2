package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.localplant.OidcLogin;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The thin path of the foundation issue, for real: one 1 Ah sample cell through all four services and the
 * gateway, with tokens from Keycloak, events over the MQTT broker and data in PostgreSQL.
 */
class ThinPathIT {

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        plant = Plant.get();
    }

    static String login(String user) {
        return OidcLogin.accessToken(plant.keycloak.issuer(), user, user);
    }

    static RequestSpecification as(String token) {
        return given().baseUri(plant.gateway).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** admin1 makes a 1 Ah SAMPLE product with a released routing; the OCV check has limits 2.0..2.5 V. */
    static String sampleProductWithRouting(String admin) {
        String product = unique("CELL-1AH");
        as(admin).body("""
                {"code":"%s","name":"1 Ah sulfide sample","stage":"SAMPLE","nominalCapacityAh":1.0}"""
                .formatted(product)).post("/api/work-orders/products").then().statusCode(201);
        as(admin).body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking"},
                  {"sequence":20,"code":"WIP","name":"Warm isostatic pressing"},
                  {"sequence":30,"code":"FORM","name":"Formation under stack pressure"},
                  {"sequence":40,"code":"OCV","name":"OCV check","characteristics":[
                    {"code":"OCV","name":"Open-circuit voltage","unit":"V","lowerLimit":2.0,"target":2.2,
                     "upperLimit":2.5}]}]}""".formatted(product, product))
                .post("/api/work-orders/routings").then().statusCode(201);
        as(admin).post("/api/work-orders/routings/R-" + product + "/versions/1/release").then().statusCode(200)
                .body("status", equalTo("RELEASED"));
        return product;
    }

    /** supervisor1 creates and releases a work order of one lot; returns the lot. */
    static String releasedLot(String supervisor, String product) {
        String number = as(supervisor).body("{\"product\":\"" + product + "\",\"plannedQuantity\":1}")
                .post("/api/work-orders/work-orders").then().statusCode(201).extract().path("number");
        as(supervisor).post("/api/work-orders/work-orders/" + number + "/release").then().statusCode(200)
                .body("state", equalTo("RELEASED"));
        List<String> lots = as(supervisor).get("/api/work-orders/work-orders/" + number + "/lots").then()
                .statusCode(200).extract().path("lot");
        return lots.get(0);
    }

    /** An operator receives the cathode active material, the aluminium foil and the electrolyte film. */
    static void receiveRawLots(String operator, String ncm, String foil, String film) {
        receive(operator, ncm, "NCM811", "25", "kg");
        receive(operator, foil, "AL_FOIL", "1000", "m");
        receive(operator, film, "SE_FILM", "100", "m");
    }

    private static void receive(String token, String id, String type, String qty, String unit) {
        as(token).body("""
                {"id":"%s","materialType":"%s","quantity":%s,"unit":"%s","supplier":"Pilot Supplies",
                 "supplierLot":"SUP-%s"}""".formatted(id, type, qty, unit, id))
                .post("/api/genealogy/material-lots").then().statusCode(201);
    }

    static Mqtt3BlockingClient equipment() {
        URI url = URI.create(plant.broker.url());
        Mqtt3BlockingClient c = Mqtt3Client.builder().identifier("equipment-" + UUID.randomUUID())
                .serverHost(url.getHost()).serverPort(url.getPort()).simpleAuth().username(Plant.HARNESS.username())
                .password(Plant.HARNESS.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        c.connect();
        return c;
    }

    static void publish(Mqtt3BlockingClient c, String topic, String json) {
        c.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** The equipment's side of the thin path: sub-coil, cell, OCV measurement, on the design brief's topics. */
    static void runTheLine(String lot, String cell, String ncm, String foil, String film, String subCoil,
            String ocv) {
        Mqtt3BlockingClient c = equipment();
        String ts = Instant.now().toString();
        publish(c, "mes/v1/pilot/electrode/L1/SLIT-01/event", """
                {"eventId":"%s","ts":"%s","type":"material.produced","materialLot":"%s",
                 "materialType":"CATHODE_SUBCOIL","quantity":250,"unit":"m",
                 "inputs":[{"materialLot":"%s","quantity":1.2,"unit":"kg"},{"materialLot":"%s","quantity":250,"unit":"m"}],
                 "parentRange":{"from":0,"to":250,"unit":"m"}}""".formatted(unique("E"), ts, subCoil, ncm, foil));
        publish(c, "mes/v1/pilot/assembly/L1/STACK-01/event", """
                {"eventId":"%s","ts":"%s","type":"cell.assembled","cell":"%s","lot":"%s",
                 "inputs":[{"materialLot":"%s","quantity":0.3,"unit":"m"},{"materialLot":"%s","quantity":0.3,"unit":"m"}],
                 "parameters":{"sheetCount":21}}""".formatted(unique("E"), ts, cell, lot, subCoil, film));
        publish(c, "mes/v1/pilot/formation/L1/GRADE-01/event", """
                {"eventId":"%s","ts":"%s","type":"measurement","characteristic":"OCV","value":%s,"unit":"V",
                 "cell":"%s"}""".formatted(unique("E"), ts, ocv, cell));
        // each machine reports its operation on the lot done: they count as operators' completions
        for (String[] step : new String[][] { { "assembly", "STACK-01", "STACK" }, { "assembly", "PRESS-01", "WIP" },
                { "formation", "FORM-01", "FORM" }, { "formation", "GRADE-01", "OCV" } }) {
            publish(c, "mes/v1/pilot/" + step[0] + "/L1/" + step[1] + "/event", """
                    {"eventId":"%s","ts":"%s","type":"unit.completed","operation":"%s","lot":"%s"}"""
                    .formatted(unique("E"), ts, step[2], lot));
        }
        c.disconnect();
    }

    private static void awaitReady(String token, String lot) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(token).get("/api/work-orders/lots/" + lot)
                .then().statusCode(200).body("state", equalTo("READY")));
    }

    @Test
    void oneCellTravelsThroughTheWholeMes() {
        String admin = login("admin1"), supervisor = login("supervisor1"), operator = login("operator1");
        String auditor = login("auditor1");
        String product = sampleProductWithRouting(admin);
        String lot = releasedLot(supervisor, product);

        String ncm = unique("NCM"), foil = unique("ALF"), film = unique("SEF"), subCoil = unique("CC-S");
        String cell = unique("C1AH");
        receiveRawLots(operator, ncm, foil, film);
        runTheLine(lot, cell, ncm, foil, film, subCoil, "2.21");

        // genealogy recorded the cell and its inputs; quality judged the measurement
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(auditor)
                .get("/api/genealogy/cells/" + cell).then().statusCode(200).body("lot", equalTo(lot))
                .body("product", equalTo(product)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(auditor)
                .get("/api/quality/measurements?cell=" + cell).then().statusCode(200)
                .body("items.verdict", contains("PASS")));
        as(supervisor).get("/api/quality/lots/" + lot + "/disposition").then().body("ok", equalTo(true));
        awaitReady(supervisor, lot);

        // only a supervisor may sign, and only with a token
        String decision = """
                {"decision":"APPROVE","meaning":"approved for release","reason":"OCV within limits"}""";
        as(operator).body(decision).post("/api/work-orders/lots/" + lot + "/approval").then().statusCode(403);
        given().baseUri(plant.gateway).contentType(ContentType.JSON).body(decision)
                .post("/api/work-orders/lots/" + lot + "/approval").then().statusCode(401);

        as(supervisor).body(decision).post("/api/work-orders/lots/" + lot + "/approval").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("signature.printedName", equalTo("Sam Supervisor"))
                .body("signature.signer", equalTo("supervisor1"));

        // the auditor traces both ways and reads the signed approval in the audit trail
        as(auditor).get("/api/genealogy/cells/" + cell + "/trace/backward").then().statusCode(200)
                .body("rawMaterials.id", containsInAnyOrder(ncm, foil, film))
                .body("steps.materialLot", hasItems(subCoil, ncm, foil, film));
        as(auditor).get("/api/genealogy/material-lots/" + ncm + "/trace/forward").then().statusCode(200)
                .body("materialLots.materialLot", contains(subCoil)).body("cells.serial", contains(cell));
        as(auditor).get("/api/work-orders/audit?entityType=lot&entityId=" + lot).then().statusCode(200)
                .body("items.action", hasItems("lot.created", "operation.started", "operation.completed",
                        "signature.signed", "lot.approved"))
                .body("items.find { it.action == 'operation.completed' }.actorId", equalTo("device:STACK-01"))
                .body("items[-2].action", equalTo("signature.signed"))
                .body("items[-2].newValue", containsString("\"printedName\":\"Sam Supervisor\""))
                .body("items[-1].action", equalTo("lot.approved"))
                .body("items[-1].actorName", equalTo("supervisor1"))
                .body("items[-1].reason", equalTo("OCV within limits"));
        as(auditor).get("/api/work-orders/audit/verification").then().body("valid", equalTo(true));
        // auditors read, they do not change
        as(auditor).body(decision).post("/api/work-orders/lots/" + lot + "/approval").then().statusCode(403);
    }

    @Test
    void approvalIsRefusedWhileQualitySaysTheLotIsNotOk() {
        String admin = login("admin1"), supervisor = login("supervisor1"), operator = login("operator1");
        String product = sampleProductWithRouting(admin);
        String lot = releasedLot(supervisor, product);
        String ncm = unique("NCM"), foil = unique("ALF"), film = unique("SEF"), subCoil = unique("CC-S");
        String cell = unique("C1AH");
        receiveRawLots(operator, ncm, foil, film);
        runTheLine(lot, cell, ncm, foil, film, subCoil, "2.93");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(supervisor)
                .get("/api/quality/measurements?cell=" + cell).then().body("items.verdict", hasItem("FAIL")));
        awaitReady(supervisor, lot);
        as(supervisor).body("""
                {"decision":"APPROVE","meaning":"approved for release","reason":"looks fine"}""")
                .post("/api/work-orders/lots/" + lot + "/approval").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:mes:problem:lot-not-ok"))
                .body("reasons", contains("cell " + cell + ": OCV 2.93 V above upper limit 2.5 V"));
        as(supervisor).get("/api/work-orders/lots/" + lot).then().body("state", equalTo("READY"));
    }
}
