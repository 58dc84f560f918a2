package org.pilotline.mes.genealogy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A recall names exactly the cells a lot reached, and no others: a small generated plant of two precursor lots,
 * each slit into sub-coils, cells stacked from one or from both.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class RecallTest {

    private static final String API = "/api/genealogy";

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void receive(String id) {
        given().auth().oauth2(TestTokens.of("operator1")).contentType(ContentType.JSON).body("""
                {"id":"%s","materialType":"NCM811","quantity":1000,"unit":"kg","supplier":"A","supplierLot":"S"}"""
                .formatted(id)).post(API + "/material-lots").then().statusCode(201);
    }

    private static void event(TestMqtt mqtt, String type, String data) {
        mqtt.publish("mes/v1/events/equipment/" + type, """
                {"specversion":"1.0","id":"%s","source":"/mes/equipment","type":"%s","subject":"x","data":%s}"""
                .formatted(UUID.randomUUID(), type, data));
    }

    private static JsonPath scope(String query) {
        return given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/recalls/scope?" + query).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void theScopeOfALotIsExactlyTheCellsItReached() {
        String a = unique("PREC-A"), b = unique("PREC-B"), lot = unique("LOT");
        receive(a);
        receive(b);
        List<String> subA = new ArrayList<>(), subB = new ArrayList<>();
        Set<String> fromA = new HashSet<>(), fromB = new HashSet<>();
        try (TestMqtt mqtt = TestMqtt.connect()) {
            for (int i = 0; i < 3; i++) {
                subA.add(subCoil(mqtt, a));
            }
            for (int i = 0; i < 2; i++) {
                subB.add(subCoil(mqtt, b));
            }
            for (int i = 0; i < 10; i++) {
                fromA.add(cell(mqtt, lot, subA.get(i % 3)));
            }
            for (int i = 0; i < 5; i++) {
                fromB.add(cell(mqtt, lot, subB.get(i % 2)));
            }
            for (int i = 0; i < 2; i++) { // stacked from both
                String both = cell(mqtt, lot, subA.get(0), subB.get(1));
                fromA.add(both);
                fromB.add(both);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> scope("materialLot=" + a + "&materialLot=" + b)
                .getLong("totalCells") == 17);

        JsonPath scopeA = scope("materialLot=" + a + "&size=100");
        assertEquals(12, scopeA.getLong("totalCells"));
        assertEquals(fromA, new HashSet<>(scopeA.getList("cells.serial")));
        assertEquals(new HashSet<>(subA), new HashSet<>(scopeA.getList("intermediateLots")));
        assertEquals(List.of(lot), scopeA.getList("productionLots"));
        assertEquals(2, scopeA.getInt("cells[0].depth"));
        assertEquals(fromB, new HashSet<>(scope("materialLot=" + b + "&size=100").getList("cells.serial")));

        String ghost = unique("GHOST");
        JsonPath both = scope("materialLot=" + a + "&materialLot=" + b + "&materialLot=" + ghost + "&size=5");
        assertEquals(17, both.getLong("totalCells"));
        assertEquals(5, both.getList("cells").size(), "a page of the cells");
        assertEquals(List.of(ghost), both.getList("unknown"));
        assertEquals(2L, scope("materialLot=" + a + "&materialLot=" + b + "&size=100").getList("cells.sourceLots",
                List.class).stream().filter(s -> s.size() == 2).count(), "two cells came from both lots");

        // the forward trace of a huge lot comes a page of cells at a time, and as deep as asked
        JsonPath page = given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/material-lots/" + a + "/trace/forward?size=5&page=1").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(12, page.getLong("totalCells"));
        assertEquals(5, page.getList("cells").size());
        JsonPath shallow = given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/material-lots/" + a + "/trace/forward?depth=1").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(0, shallow.getLong("totalCells"), "cells are two steps from the precursor");
        assertEquals(new HashSet<>(subA), new HashSet<>(shallow.getList("materialLots.materialLot")));
        given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/material-lots/" + a + "/trace/forward?depth=0")
                .then().statusCode(400).body("type", equalTo("urn:mes:problem:bad-depth"));

        String csv = given().auth().oauth2(TestTokens.of("quality1")).get(API + "/recalls/scope/cells.csv?materialLot=" + a)
                .then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract().asString();
        List<String> rows = csv.lines().toList();
        assertEquals("serial,lot,work_order,product,depth,source_lots", rows.get(0));
        assertEquals(13, rows.size(), "a header and one row per affected cell");
        assertEquals(fromA, new HashSet<>(rows.subList(1, rows.size()).stream().map(r -> r.split(",")[0]).toList()));
    }

    @Test
    void aScopeNeedsLotsThatExist() {
        String token = TestTokens.of("auditor1");
        given().auth().oauth2(token).get(API + "/recalls/scope").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:bad-lots"));
        given().auth().oauth2(token).get(API + "/recalls/scope?materialLot=no%20such").then().statusCode(400);
        given().auth().oauth2(token).get(API + "/recalls/scope?materialLot=" + unique("NONE")).then().statusCode(404);
        given().auth().oauth2(TestTokens.of("operator1")).get(API + "/recalls/scope?materialLot=X").then()
                .statusCode(403);
    }

    private static String subCoil(TestMqtt mqtt, String precursor) {
        String id = unique("SUB");
        event(mqtt, "material.produced", """
                {"equipment":"SLIT-01","line":"L1","materialLot":"%s","materialType":"CATHODE_SUBCOIL","quantity":250,
                 "unit":"m","inputs":[{"materialLot":"%s","quantity":2,"unit":"kg"}],"ts":"2026-11-23T08:00:00Z"}"""
                .formatted(id, precursor));
        return id;
    }

    private static String cell(TestMqtt mqtt, String lot, String... subCoils) {
        String serial = unique("C");
        StringBuilder inputs = new StringBuilder();
        for (String s : subCoils) {
            inputs.append(inputs.length() == 0 ? "" : ",").append("{\"materialLot\":\"" + s
                    + "\",\"quantity\":0.3,\"unit\":\"m\"}");
        }
        event(mqtt, "cell.assembled", """
                {"equipment":"STACK-01","line":"L1","cell":"%s","lot":"%s","inputs":[%s],"parameters":{},
                 "ts":"2026-11-23T08:05:00Z"}""".formatted(serial, lot, inputs));
        return serial;
    }
}
