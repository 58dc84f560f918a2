package org.pilotline.mes.genealogy;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.pilotline.mes.genealogy.Plant.API;
import static org.pilotline.mes.genealogy.Plant.as;
import static org.pilotline.mes.genealogy.Plant.event;
import static org.pilotline.mes.genealogy.Plant.unique;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a station console lists: the cells of a lot, cells by the start of a serial, material lots to pick from. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class ListsTest {

    @Test
    void theCellsOfALotAndCellsByTheStartOfTheirSerial() {
        String product = unique("CELL-10AH"), lot = unique("LOT"), sub = unique("SUB"), film = unique("FILM");
        String prefix = "ZQ" + unique("").substring(1, 7).toUpperCase();
        String c1 = prefix + "-001", c2 = prefix + "-002", c3 = prefix + "-010";
        Plant.receive(sub, "CATHODE_SUBCOIL", "100", "m", "Cathode AG");
        Plant.receive(film, "SE_FILM", "100", "m", "Film Co");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, "work-orders", "routing.released", """
                    {"product":"%s","stage":"VALIDATION","routing":"R-%s","version":1,"operations":[]}"""
                    .formatted(product, product));
            event(mqtt, "work-orders", "lot.created", """
                    {"lot":"%s","workOrder":"WO-%s","product":"%s","routing":"R","routingVersion":1,
                     "plannedQuantity":3}""".formatted(lot, lot, product));
            for (String cell : new String[] { c3, c1, c2 }) {
                event(mqtt, "equipment", "cell.assembled", """
                        {"equipment":"STACK-01","line":"L1","cell":"%s","lot":"%s",
                         "inputs":[{"materialLot":"%s","quantity":1,"unit":"m"},{"materialLot":"%s","quantity":1,"unit":"m"}],
                         "ts":"2026-11-23T08:05:00Z"}""".formatted(cell, lot, sub, film));
            }
            event(mqtt, "equipment", "unit.started", """
                    {"equipment":"FORM-01","operation":"FORMATION","cell":"%s","ts":"2026-11-23T10:00:00Z"}"""
                    .formatted(c2));
            event(mqtt, "quality", "hold.placed", """
                    {"hold":%d,"itemType":"CELL","itemId":"%s","reason":"swelling after formation","source":"PERSON",
                     "by":"quality1","at":"2026-11-24T08:00:00Z","open":true}""".formatted(System.nanoTime() % 1_000_000_000L,
                    c2));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/cells/" + c2).then()
                .statusCode(200).body("holds", contains("swelling after formation"))
                .body("currentOperation", equalTo("FORMATION")));

        as("operator1").get(API + "/lots/" + lot + "/cells").then().statusCode(200)
                .body("total", equalTo(3)).body("items.serial", contains(c1, c2, c3))
                .body("items[1].lot", equalTo(lot)).body("items[1].workOrder", equalTo("WO-" + lot))
                .body("items[1].product", equalTo(product)).body("items[1].stage", equalTo("VALIDATION"))
                .body("items[1].status", equalTo("IN_PROCESS")).body("items[1].equipment", equalTo("STACK-01"))
                .body("items[1].currentOperation", equalTo("FORMATION"))
                .body("items[1].holds", contains("swelling after formation"))
                .body("items[0].holds", empty()).body("items[0].currentOperation", nullValue());
        as("auditor1").get(API + "/lots/" + lot + "/cells?page=1&size=2").then()
                .body("total", equalTo(3)).body("page", equalTo(1)).body("items.serial", contains(c3));
        as("auditor1").get(API + "/lots/" + unique("NOLOT") + "/cells").then().statusCode(404);

        as("supervisor1").get(API + "/cells?serialPrefix=" + prefix).then().statusCode(200)
                .body("total", equalTo(3)).body("items.serial", contains(c1, c2, c3));
        as("quality1").get(API + "/cells?serialPrefix=" + prefix + "-00&size=1").then()
                .body("total", equalTo(2)).body("items.serial", contains(c1));
        as("operator1").get(API + "/cells?serialPrefix=" + prefix.substring(0, 3) + "%25").then().statusCode(200)
                .body("total", equalTo(0)); // a % is a character of the serial, not a wildcard
        as("operator1").get(API + "/cells?serialPrefix=ZQ").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:serial-prefix-too-short"));
        as("operator1").get(API + "/cells").then().statusCode(400);
    }

    @Test
    void materialLotsToPickFromSoonestExpiryFirst() {
        String type = unique("PICK").toUpperCase();
        String later = unique("L"), soon = unique("S"), open = unique("O"), expired = unique("E"), scrapped = unique("X");
        receive(later, type, LocalDate.now().plusDays(60));
        receive(soon, type, LocalDate.now().plusDays(5));
        receive(open, type, null);
        receive(expired, type, LocalDate.now().minusDays(1));
        receive(scrapped, type, null);
        as("quality1").body("{\"reason\":\"torn bag\"}").post(API + "/material-lots/" + scrapped + "/scrap").then()
                .statusCode(200);

        as("operator1").get(API + "/material-lots?materialType=" + type).then().statusCode(200)
                .body("total", equalTo(5)).body("items.id", contains(expired, soon, later, open, scrapped));
        as("operator1").get(API + "/material-lots?materialType=" + type + "&usable=true").then()
                .body("items.id", contains(soon, later, open))
                .body("items[0].quantity", equalTo(10f)).body("items[0].unit", equalTo("kg"))
                .body("items[0].expiresOn", equalTo(LocalDate.now().plusDays(5).toString()));
        as("auditor1").get(API + "/material-lots?materialType=" + type + "&status=SCRAPPED,ON_HOLD").then()
                .body("items.id", contains(scrapped));
        as("auditor1").get(API + "/material-lots?materialType=" + type + "&kind=CONSUMABLE").then()
                .body("total", equalTo(0));
        as("auditor1").get(API + "/material-lots?status=GONE").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:material-lot-status"));
        as("auditor1").get(API + "/material-lots?kind=MAGIC").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:material-lot-kind"));
    }

    private static void receive(String id, String type, LocalDate expiresOn) {
        as("operator1").body("""
                {"id":"%s","materialType":"%s","quantity":10,"unit":"kg","supplier":"Acme","supplierLot":"S-%s"%s}"""
                .formatted(id, type, id, expiresOn == null ? "" : ",\"expiresOn\":\"" + expiresOn + "\""))
                .post(API + "/material-lots").then().statusCode(201);
    }
}
