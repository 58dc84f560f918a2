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
 * A sulfide precursor left in the open, across services: genealogy's exposure clock passes the limit, quality holds
 * the lot on that event, genealogy follows the hold and refuses consumption; quality's signed release lifts the
 * hold, and the exceeded clock still keeps the lot from use.
 */
class ExposureHoldIT {

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
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
}
