package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.localplant.OidcLogin;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Holds the atmosphere calls for, across services. A sulfide precursor left in the open: genealogy's exposure clock
 * passes the limit, quality holds the lot on that event, genealogy follows the hold and refuses consumption;
 * quality's signed release lifts the hold, and the exceeded clock still keeps the lot from use. A dry room leaving
 * its dew point limit: equipment's excursion makes quality hold the lot in process there, which keeps it from
 * approval and its cell from a module; the cell's as-built record shows the dry room's reading at its birth.
 */
class EnvironmentHoldsIT {

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        ThinPathIT.startThePlant(); // the plant is shared; ThinPathIT's helpers talk to it
        plant = Plant.get();
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(plant.gateway).auth().oauth2(OidcLogin.accessToken(plant.keycloak.issuer(), user, user))
                .contentType(ContentType.JSON);
    }

    @Test
    void anExposedPrecursorIsHeldByQualityAndCannotBeConsumed() {
        String lot = "LI2S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as("admin1").body("{\"limitMinutes\":30,\"reason\":\"hydrolyses to H2S in moist air\"}")
                .put("/api/genealogy/exposure/limits/LI2S").then().statusCode(200);
        as("operator1").body("""
                {"id":"%s","materialType":"LI2S","quantity":10,"unit":"kg","supplier":"Acme Sulfides",
                 "supplierLot":"AS-1"}""".formatted(lot)).post("/api/genealogy/material-lots").then().statusCode(201);
        as("operator1").body("{\"location\":\"CORRIDOR\",\"atmosphere\":\"AMBIENT\",\"at\":\""
                + Instant.now().minus(Duration.ofMinutes(40)) + "\"}")
                .post("/api/genealogy/exposure/material-lots/" + lot + "/transfers").then().statusCode(200);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as("auditor1")
                .get("/api/quality/holds?open=true&itemType=MATERIAL_LOT&itemId=" + lot).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].source", equalTo("EXPOSURE"))
                .body("items[0].reason", containsString("limit 30 min")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("auditor1")
                .get("/api/genealogy/material-lots/" + lot).then().body("status", equalTo("ON_HOLD")));
        String consume = "{\"quantity\":1,\"unit\":\"kg\",\"lot\":\"ANY-LOT\"}";
        as("operator1").body(consume).post("/api/genealogy/material-lots/" + lot + "/consumptions").then()
                .statusCode(409).body("type", equalTo("urn:mes:problem:material-lot-on-hold"));

        long hold = as("auditor1").get("/api/quality/holds?open=true&itemType=MATERIAL_LOT&itemId=" + lot).then()
                .extract().jsonPath().getLong("items[0].id");
        as("quality1").body("{\"meaning\":\"released after review\",\"reason\":\"moisture test in limits\"}")
                .post("/api/quality/holds/" + hold + "/release").then().statusCode(200).body("open", equalTo(false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("auditor1")
                .get("/api/genealogy/material-lots/" + lot).then().body("status", equalTo("AVAILABLE")));
        as("operator1").body(consume).post("/api/genealogy/material-lots/" + lot + "/consumptions").then()
                .statusCode(409).body("type", equalTo("urn:mes:problem:exposure-exceeded"));
    }

    @Test
    void aDryRoomExcursionHoldsTheLotInProcessAndTheCellsRecordShowsTheAirItWasBornIn() {
        String admin = ThinPathIT.login("admin1"), supervisor = ThinPathIT.login("supervisor1");
        String operator = ThinPathIT.login("operator1");
        String product = ThinPathIT.sampleProductWithRouting(admin);
        String lot = ThinPathIT.releasedLot(supervisor, product);
        String ncm = ThinPathIT.unique("NCM"), foil = ThinPathIT.unique("ALF"), film = ThinPathIT.unique("SEF");
        String cell = ThinPathIT.unique("C1AH"), subCoil = ThinPathIT.unique("SUB");
        ThinPathIT.receiveRawLots(operator, ncm, foil, film);
        as("quality1").body("{\"upper\":-40,\"unit\":\"C\",\"reason\":\"sulfide handling\"}")
                .put("/api/equipment/environment/limits/DRYROOM-01/dewPointC").then().statusCode(200);

        var dryRoom = ThinPathIT.equipment();
        String dewPoint = "mes/v1/pilot/assembly/L1/DRYROOM-01/data";
        ThinPathIT.publish(dryRoom, dewPoint, """
                {"eventId":"%s","ts":"%s","values":{"dewPointC":-52.5}}"""
                .formatted(ThinPathIT.unique("E"), Instant.now().minusSeconds(30)));
        ThinPathIT.runTheLine(lot, cell, ncm, foil, film, subCoil, "2.2");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("auditor1")
                .get("/api/quality/measurements?cell=" + cell).then().body("total", equalTo(1)));

        // the cell's record, read through genealogy from the equipment service: the dry room was dry at its birth
        as("auditor1").get("/api/genealogy/cells/" + cell + "/as-built").then().statusCode(200)
                .body("gaps", org.hamcrest.Matchers.empty())
                .body("birthEnvironment.enclosures.find { it.equipment == 'DRYROOM-01' }.readings"
                        + ".find { it.tag == 'dewPointC' }.value", equalTo(-52.5f))
                .body("birthEnvironment.enclosures.find { it.equipment == 'DRYROOM-01' }.readings"
                        + ".find { it.tag == 'dewPointC' }.withinLimits", equalTo(true));

        ThinPathIT.publish(dryRoom, dewPoint, """
                {"eventId":"%s","ts":"%s","values":{"dewPointC":-31.0}}"""
                .formatted(ThinPathIT.unique("E"), Instant.now()));
        dryRoom.disconnect();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("auditor1")
                .get("/api/quality/holds?open=true&itemType=LOT&itemId=" + lot).then().body("total", equalTo(1))
                .body("items[0].source", equalTo("EXCURSION"))
                .body("items[0].reason", containsString("DRYROOM-01 dewPointC")));
        as("supervisor1").get("/api/quality/lots/" + lot + "/disposition").then().body("ok", equalTo(false))
                .body("reasons[0]", containsString("DRYROOM-01"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("operator1")
                .get("/api/genealogy/cells/" + cell).then().body("holds[0]", containsString("DRYROOM-01")));
        as("operator1").body("{\"serial\":\"" + ThinPathIT.unique("MOD") + "\",\"cells\":[\"" + cell + "\"]}")
                .post("/api/genealogy/modules").then().statusCode(409)
                .body("type", equalTo("urn:mes:problem:cell-not-placeable"));
    }
}
