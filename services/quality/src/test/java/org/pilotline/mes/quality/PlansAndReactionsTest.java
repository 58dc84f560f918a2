package org.pilotline.mes.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.quality.QualityEvents.event;
import static org.pilotline.mes.quality.QualityEvents.lotWithCells;
import static org.pilotline.mes.quality.QualityEvents.ocv;
import static org.pilotline.mes.quality.QualityEvents.unique;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Versioned plans and what they make quality do: judgement against the version in force, manual entry and
 * corrections, SPC with capability, automatic holds from rules, exposure clocks and excursions.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class PlansAndReactionsTest {

    private static final String API = "/api/quality";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType("application/json");
    }

    /** A plan version for the product: OCV 2.0..upper V, with the given extra JSON for the characteristic. */
    private static ValidatableResponse release(String product, String upper, String extra) {
        return as("quality1").body("""
                {"reason":"tighter after the 20 Ah capability study","characteristics":[
                  {"operation":"OCV","code":"OCV","name":"Open-circuit voltage","unit":"V","lowerLimit":2.0,
                   "upperLimit":%s%s}]}""".formatted(upper, extra)).put(API + "/plans/" + product).then();
    }

    private static JsonPath measurements(String cell) {
        return as("auditor1").get(API + "/measurements?cell=" + cell).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath openHolds(String type, String id) {
        return as("auditor1").get(API + "/holds?open=true&itemType=" + type + "&itemId=" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void eachMeasurementIsJudgedAgainstThePlanVersionInForceWhenItArrives() {
        String product = unique("P"), c1 = unique("C"), c2 = unique("C");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lotWithCells(mqtt, product, c1, c2);
            ocv(mqtt, c1, "2.6"); // version 1 (from the routing): at most 2.5 V
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> measurements(c1).getInt("total") == 1);
        assertEquals("FAIL", measurements(c1).getString("items[0].verdict"));
        assertEquals(1, measurements(c1).getInt("items[0].planVersion"));

        release(product, "2.7", ",\"sampling\":\"PER_LOT\",\"sampleSize\":2").statusCode(201)
                .body("version", equalTo(2)).body("origin", equalTo("quality"))
                .body("characteristics[0].sampling", equalTo("PER_LOT"));
        release(product, "2.70", ",\"sampling\":\"PER_LOT\",\"sampleSize\":2").statusCode(200)
                .body("version", equalTo(2)); // the same plan again (a seed loaded twice) is no new version
        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, c2, "2.6");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> measurements(c2).getInt("total") == 1);
        assertEquals("PASS", measurements(c2).getString("items[0].verdict"));
        assertEquals(2, measurements(c2).getInt("items[0].planVersion"));
        assertEquals("FAIL", measurements(c1).getString("items[0].verdict"), "a new version rewrites no verdict");

        // a routing released later replaces its operations' limits and keeps quality's sampling
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, "work-orders", "routing.released", """
                    {"product":"%s","stage":"SAMPLE","routing":"R-%s","version":2,"operations":[
                      {"sequence":30,"code":"OCV","name":"OCV check","characteristics":[
                        {"code":"OCV","name":"Open-circuit voltage","unit":"V","lowerLimit":2.1,"upperLimit":2.6}]}]}
                    """.formatted(product, product));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().body("version", equalTo(3)).body("characteristics[0].lowerLimit", equalTo(2.1f))
                .body("characteristics[0].sampling", equalTo("PER_LOT")));
        as("auditor1").get(API + "/plans/" + product + "/versions").then().statusCode(200)
                .body("version", contains(3, 2, 1)).body("[2].supersededAt", org.hamcrest.Matchers.notNullValue())
                .body("[0].supersededAt", nullValue());
        as("auditor1").get(API + "/plans/" + product + "/versions/2").then().body("characteristics[0].upperLimit",
                equalTo(2.7f));
        as("auditor1").get(API + "/audit?entityType=plan&entityId=" + product).then().statusCode(200)
                .body("items.action", hasItem("plan.released"));
    }

    @Test
    void aPlanIsCheckedAsAWholeAndOnlyQualityReleasesIt() {
        String product = unique("P");
        as("quality1").body("""
                {"reason":"r","characteristics":[
                  {"operation":"OCV","code":"OCV","name":"n","unit":"V","lowerLimit":2.5,"upperLimit":2.0},
                  {"operation":"OCV","code":"OCV","name":"n","unit":"V","controlLower":2.1},
                  {"operation":"ACIR","code":"ACIR","name":"n","unit":"mOhm","sampling":"PER_LOT"}]}""")
                .put(API + "/plans/" + product).then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:invalid-plan"))
                .body("detail", containsString("OCV appears twice"))
                .body("detail", containsString("lower limit is not below the upper limit"))
                .body("detail", containsString("control limits come in pairs"))
                .body("detail", containsString("PER_LOT sampling needs a sampleSize"));
        as("auditor1").get(API + "/plans/" + product).then().statusCode(404);
        as("supervisor1").body("{\"reason\":\"r\",\"characteristics\":[{\"operation\":\"O\",\"code\":\"C\","
                + "\"name\":\"n\",\"unit\":\"V\"}]}").put(API + "/plans/" + product).then().statusCode(403);
        as("quality1").body("{\"reason\":\"r\",\"characteristics\":[]}").put(API + "/plans/" + product).then()
                .statusCode(400);
    }

    @Test
    void peopleEnterWhatThePlanLetsThemAndACorrectionReplacesAValueWithoutErasingIt() {
        String product = unique("P"), cell = unique("C");
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, product, cell);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200));
        String entry = "{\"characteristic\":\"OCV\",\"value\":2.9,\"unit\":\"V\",\"cell\":\"" + cell
                + "\",\"note\":\"handheld meter\"}";
        as("operator1").body(entry).post(API + "/measurements").then().statusCode(403)
                .body("type", equalTo("urn:mes:problem:not-an-entry-role"));
        release(product, "2.5", ",\"source\":\"MANUAL\",\"entryRoles\":[\"operator\"]").statusCode(201);
        long id = as("operator1").body(entry).post(API + "/measurements").then().statusCode(201)
                .body("verdict", equalTo("FAIL")).body("source", equalTo("MANUAL"))
                .body("enteredBy", equalTo("operator1")).extract().jsonPath().getLong("id");
        as("operator1").body("{\"characteristic\":\"OCV\",\"value\":2.2,\"unit\":\"V\"}").post(API + "/measurements")
                .then().statusCode(400).body("type", equalTo("urn:mes:problem:cell-or-lot"));
        as("operator1").body("{\"characteristic\":\"OCV\",\"value\":2.2,\"unit\":\"V\",\"cell\":\"NOPE-1\"}")
                .post(API + "/measurements").then().statusCode(404);
        as("quality1").get(API + "/lots/" + lot + "/gates/OCV").then().body("status", equalTo("FAIL"));

        as("operator1").body("{\"value\":2.29,\"reason\":\"typed 2.9 for 2.29\"}")
                .post(API + "/measurements/" + id + "/corrections").then().statusCode(403);
        long fixed = as("quality1").body("{\"value\":2.29,\"reason\":\"typed 2.9 for 2.29\"}")
                .post(API + "/measurements/" + id + "/corrections").then().statusCode(201)
                .body("verdict", equalTo("PASS")).body("corrects", equalTo((int) id)).extract().jsonPath()
                .getLong("id");
        as("quality1").body("{\"value\":2.3,\"reason\":\"again\"}").post(API + "/measurements/" + id + "/corrections")
                .then().statusCode(409).body("type", equalTo("urn:mes:problem:measurement-already-corrected"));
        as("auditor1").get(API + "/measurements/" + id).then().body("value", equalTo(2.9f))
                .body("correctedBy", equalTo((int) fixed));
        as("quality1").get(API + "/lots/" + lot + "/gates/OCV").then().body("status", equalTo("PASS"));
        as("auditor1").get(API + "/audit?entityType=measurement&entityId=" + id).then()
                .body("items.action", hasItem("measurement.corrected"));
    }

    @Test
    void aProcessOutOfControlHoldsItsLotUntilQualityReleasesItUnderSignature() {
        String product = unique("P");
        String[] cells = new String[8];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = unique("C");
        }
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, product, cells);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200));
        // control limits 2.1..2.3 V: centre 2.2, sigma 0.0333; rule 1 beyond 2.3
        release(product, "2.5", ",\"controlLower\":2.1,\"controlUpper\":2.3,\"reactions\":{\"nelsonRules\":[1],"
                + "\"holdOnSpcViolation\":true}").statusCode(201);
        try (TestMqtt mqtt = TestMqtt.connect(); TestMqtt events = TestMqtt.connect()
                .collect("mes/v1/events/quality/spc.violation")) {
            String[] values = { "2.20", "2.21", "2.19", "2.22", "2.20" };
            for (int i = 0; i < values.length; i++) {
                ocv(mqtt, cells[i], values[i]);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> measurements(cells[4]).getInt("total") == 1);
            assertEquals(0, openHolds("LOT", lot).getInt("total"), "in control: no hold");
            ocv(mqtt, cells[5], "2.42"); // in spec (<= 2.5) but far outside control
            await().atMost(Duration.ofSeconds(10)).until(() -> openHolds("LOT", lot).getInt("total") == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.received().isEmpty());
            assertEquals(List.of(1), JsonPath.from(events.received().get(0).payload()).getList("data.rules"));
        }
        JsonPath holds = openHolds("LOT", lot);
        assertEquals("RULE", holds.getString("items[0].source"));
        assertEquals(true, holds.getString("items[0].reason").startsWith("OCV: SPC, Nelson rule 1"));
        as("supervisor1").get(API + "/lots/" + lot + "/clearance?after=OCV").then().body("clear", equalTo(false))
                .body("reasons.code", hasItem("on-hold"));
        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, cells[6], "2.45"); // still out: the same rule does not hold the lot twice
            ocv(mqtt, cells[7], "2.20");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> measurements(cells[7]).getInt("total") == 1);
        assertEquals(1, openHolds("LOT", lot).getInt("total"));

        long hold = holds.getLong("items[0].id");
        given().auth().oauth2(TestTokens.of("quality1")).contentType("application/json")
                .body("{\"meaning\":\"released after investigation\",\"reason\":\"press pressure reset\"}")
                .post(API + "/holds/" + hold + "/release").then().statusCode(200).body("open", equalTo(false))
                .body("releaseSignature", org.hamcrest.Matchers.notNullValue());
        assertEquals(0, openHolds("LOT", lot).getInt("total"));
    }

    @Test
    void failuresInARowHoldTheLot() {
        String product = unique("P");
        String[] cells = { unique("C"), unique("C"), unique("C"), unique("C") };
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, product, cells);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200));
        release(product, "2.5", ",\"reactions\":{\"nelsonRules\":[],\"holdAfterConsecutiveFailures\":3}")
                .statusCode(201);
        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, cells[0], "2.6");
            ocv(mqtt, cells[1], "2.7");
            ocv(mqtt, cells[2], "2.2"); // the run is broken
            ocv(mqtt, cells[3], "2.6");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> measurements(cells[3]).getInt("total") == 1);
        assertEquals(0, openHolds("LOT", lot).getInt("total"));
        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, cells[0], "2.8");
            ocv(mqtt, cells[1], "2.9");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> openHolds("LOT", lot).getInt("total") == 1);
        assertEquals("OCV: 3 failed measurements in a row", openHolds("LOT", lot).getString("items[0].reason"));
    }

    @Test
    void theChartOfAKnownDataSetShowsTheCapabilityWorkedOutByHand() {
        String product = unique("P");
        String[] cells = new String[10];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = unique("C");
        }
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lotWithCells(mqtt, product, cells);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200));
        as("quality1").body("""
                {"reason":"film thickness","characteristics":[{"operation":"FILM","code":"THK","name":"Film thickness",
                  "unit":"um","lowerLimit":9.5,"upperLimit":10.9,"reactions":{"nelsonRules":[1,2,3,4,5,6,7,8]}}]}""")
                .put(API + "/plans/" + product).then().statusCode(201);
        double[] film = { 10.1, 9.9, 10.0, 10.2, 9.8, 10.1, 10.0, 9.9, 10.3, 9.7 };
        try (TestMqtt mqtt = TestMqtt.connect()) {
            for (int i = 0; i < film.length; i++) {
                event(mqtt, "equipment", "measurement", """
                        {"equipment":"FILM-01","characteristic":"THK","value":%s,"unit":"um","cell":"%s",
                         "ts":"2026-11-23T09:%02d:00Z"}""".formatted(film[i], cells[i], i));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> measurements(cells[9]).getInt("total") == 1);
        JsonPath chart = as("quality1").get(API + "/spc/" + product + "/THK?from=2026-11-23T00:00:00Z"
                + "&to=2026-11-24T00:00:00Z").then().statusCode(200).extract().jsonPath();
        assertEquals(10, chart.getList("points").size());
        assertEquals(10.0, chart.getDouble("limits.centre"), 1e-9);
        assertEquals(10.70922, chart.getDouble("limits.upper"), 1e-5);
        // by hand: sigma within = (2.4 / 9) / 1.128; Cpk = 0.5 / (3 sigma) = 0.70500; Ppk = 0.91287
        assertEquals(0.98700, chart.getDouble("capability.cp"), 1e-5);
        assertEquals(0.70500, chart.getDouble("capability.cpk"), 1e-5);
        assertEquals(1.27802, chart.getDouble("capability.pp"), 1e-5);
        assertEquals(0.91287, chart.getDouble("capability.ppk"), 1e-5);
        assertEquals(List.of(), chart.getList("violations"));
        JsonPath means = as("quality1").get(API + "/spc/" + product + "/THK?chart=XBAR_R&subgroup=5"
                + "&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z").then().statusCode(200).extract().jsonPath();
        assertEquals(2, means.getList("points").size());
        assertEquals(10.2885, means.getDouble("limits.upper"), 1e-9); // 10 + A2(5) 0.577 * R-bar 0.5
        as("quality1").get(API + "/spc/" + product + "/THK?chart=PIE").then().statusCode(400);
        as("operator1").get(API + "/spc/" + product + "/THK").then().statusCode(403);
        as("quality1").get(API + "/spc/" + product + "/NOPE").then().statusCode(404);
    }

    @Test
    void anExposedMaterialLotAndTheLotsInProcessDuringAnExcursionAreHeld() {
        String product = unique("P"), material = unique("LI2S"), cell = unique("C");
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, product, cell); // stacked on line L1
            event(mqtt, "genealogy", "material-lot.exposure-exceeded", """
                    {"materialLot":"%s","materialType":"LI2S","exposedMinutes":41.5,"limitMinutes":30,
                     "location":"CORRIDOR","at":"2026-11-23T10:00:00Z"}""".formatted(material));
            event(mqtt, "equipment", "environment.excursion-started", """
                    {"excursion":6,"equipment":"GLOVEBOX-09","equipmentClass":"GLOVEBOX","area":"ELECTROLYTE",
                     "line":"L1","tag":"h2oPpm","unit":"ppm","upperLimit":0.5,"startedAt":"2026-11-23T10:00:00Z",
                     "worstValue":0.9,"worstAt":"2026-11-23T10:01:00Z"}""");
            event(mqtt, "equipment", "environment.excursion-started", """
                    {"excursion":7,"equipment":"DRYROOM-01","equipmentClass":"DRY_ROOM","area":"assembly","line":"L1",
                     "tag":"dewPointC","unit":"C","lowerLimit":null,"upperLimit":-40.0,
                     "startedAt":"2026-11-23T10:05:00Z","endedAt":null,"worstValue":-31.5,
                     "worstAt":"2026-11-23T10:06:00Z"}""");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> openHolds("MATERIAL_LOT", material).getInt("total") == 1
                && openHolds("LOT", lot).getInt("total") == 1);
        assertEquals("EXPOSURE", openHolds("MATERIAL_LOT", material).getString("items[0].source"));
        assertEquals(true, openHolds("MATERIAL_LOT", material).getString("items[0].reason").contains("limit 30 min"));
        JsonPath lotHold = openHolds("LOT", lot);
        assertEquals(1, lotHold.getInt("total"), "the glovebox of another area held nothing of the assembly's");
        assertEquals("EXCURSION", lotHold.getString("items[0].source"));
        assertEquals(true, lotHold.getString("items[0].reason").contains("DRYROOM-01 dewPointC"));
    }
}
