package org.pilotline.mes.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import io.restassured.specification.RequestSpecification;

/** Nonconformances with signed dispositions, grading into bins, and the lot disposition with every reason. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class NcrAndGradingTest {

    private static final String API = "/api/quality";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType("application/json");
    }

    /** A 60 Ah-like product whose routing gates grading on OCV, ACIR, capacity and K, and forms at 1.5..3 MPa. */
    private static String formatWithCells(TestMqtt mqtt, String product, String... cells) {
        String lot = unique("LOT");
        event(mqtt, "work-orders", "routing.released", """
                {"product":"%s","stage":"PRODUCTION","routing":"R-%s","version":1,"operations":[
                  {"sequence":120,"code":"FORM","name":"Formation","parameters":[
                    {"code":"STACK_P","name":"Fixture stack pressure","unit":"MPa","lowerLimit":1.5,"upperLimit":3.0}],
                   "characteristics":[]},
                  {"sequence":130,"code":"AGE","name":"Aging","characteristics":[
                    {"code":"K_VALUE","name":"K","unit":"mV/day","upperLimit":0.5}]},
                  {"sequence":140,"code":"GRADE","name":"Grading","characteristics":[
                    {"code":"CAPACITY","name":"Capacity","unit":"Ah","lowerLimit":58.2},
                    {"code":"ACIR","name":"ACIR","unit":"mOhm","upperLimit":1.5},
                    {"code":"OCV","name":"OCV","unit":"V","lowerLimit":3.55,"upperLimit":3.75}]}]}
                """.formatted(product, product));
        event(mqtt, "work-orders", "lot.created", """
                {"lot":"%s","workOrder":"WO-9","product":"%s","routing":"R-%s","routingVersion":1,
                 "plannedQuantity":%d}""".formatted(lot, product, product, cells.length));
        for (String cell : cells) {
            event(mqtt, "equipment", "cell.assembled", """
                    {"equipment":"STACK-01","line":"L9","cell":"%s","lot":"%s","inputs":[],"ts":"2026-11-23T08:00:00Z"}
                    """.formatted(cell, lot));
        }
        return lot;
    }

    private static String result(String cell, double ocv1, double ocv2, double acir, double capacity, double pMin,
            double pMax) {
        return """
                {"cell":"%s","ocv1":{"value":%s,"at":"2026-11-20T08:00:00Z"},"ocv2":{"value":%s,"at":"2026-11-27T08:00:00Z"},
                 "acirMohm":%s,"capacityAh":%s,"pressureLog":[{"at":"2026-11-19T08:00:00Z","mpa":%s},
                 {"at":"2026-11-19T10:00:00Z","mpa":%s}]}""".formatted(cell, ocv1, ocv2, acir, capacity, pMin, pMax);
    }

    @Test
    void gradingPutsCellsInTheirBinsAndACellOutsideEveryBinIsANonconformance() {
        String product = unique("P60"), a = unique("C"), b = unique("C"), x = unique("C");
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = formatWithCells(mqtt, product, a, b, x);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200));
        String body = "{\"cycler\":\"CYC-01\",\"results\":[" + result(a, 3.70, 3.6965, 1.1, 61.0, 1.9, 2.1) + "]}";
        as("quality1").body(body).post(API + "/grading/results").then().statusCode(400)
                .body("detail", containsString("no grade bins for " + product));
        as("quality1").body("""
                {"reason":"60 Ah bins from the 20 Ah study","bins":[
                  {"grade":"A","capacityMinAh":60.5,"acirMaxMohm":1.2,"kValueMaxMvPerDay":0.3},
                  {"grade":"B","capacityMinAh":58.2,"acirMaxMohm":1.5,"kValueMaxMvPerDay":0.5}]}""")
                .put(API + "/grading/" + product + "/bins").then().statusCode(200).body("grade", contains("A", "B"));
        as("quality1").body("""
                {"reason":"loaded again","bins":[
                  {"grade":"A","capacityMinAh":60.5,"acirMaxMohm":1.2,"kValueMaxMvPerDay":0.3},
                  {"grade":"B","capacityMinAh":58.2,"acirMaxMohm":1.5,"kValueMaxMvPerDay":0.5}]}""")
                .put(API + "/grading/" + product + "/bins").then().statusCode(200);
        as("auditor1").get(API + "/audit?entityType=grade-bins&entityId=" + product).then()
                .body("total", equalTo(1)); // the same bins again change nothing
        as("quality1").body("{\"reason\":\"r\",\"bins\":[{\"grade\":\"A\",\"ocvMinV\":3.7,\"ocvMaxV\":3.6}]}")
                .put(API + "/grading/" + product + "/bins").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:invalid-bins"));

        // one bad row refuses the whole import, and nothing is recorded
        as("quality1").body("{\"cycler\":\"CYC-01\",\"results\":[" + result(a, 3.70, 3.6965, 1.1, 61.0, 1.9, 2.1)
                + "," + result("NOPE-1", 3.7, 3.69, 1, 60, 2, 2) + "]}").post(API + "/grading/results").then()
                .statusCode(400).body("detail", containsString("NOPE-1: cell unknown to quality"));
        as("auditor1").get(API + "/measurements?cell=" + a).then().body("total", equalTo(0));

        // a: 3.5 mV over 7 days = 0.5 mV/day? no: 0.0035 V * 1000 / 7 = 0.5 -> bin B; b: K 0.1, 61 Ah -> A;
        // x: capacity 57 Ah fits no bin (and fails the plan), pressure 3.4 MPa above the routing's 3.0
        JsonPath graded = as("quality1").body("{\"cycler\":\"CYC-01\",\"results\":["
                + result(a, 3.70, 3.6965, 1.3, 59.0, 1.9, 2.1) + "," + result(b, 3.70, 3.6993, 1.0, 61.0, 1.8, 2.2)
                + "," + result(x, 3.70, 3.699, 1.0, 57.0, 2.0, 3.4) + "]}").post(API + "/grading/results").then()
                .statusCode(200).body("cells", equalTo(3)).body("outsideEveryBin", equalTo(1)).extract().jsonPath();
        assertEquals(List.of("B", "A"), graded.getList("results.grade").subList(0, 2));
        assertEquals(0.5, graded.getDouble("results[0].kValueMvPerDay"), 1e-9);
        assertEquals(null, graded.getString("results[2].grade"));
        assertEquals("FAIL", graded.getString("results[2].verdict"));
        List<String> reasons = graded.getList("results[2].reasons");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("CAPACITY 57 Ah below lower limit 58.2 Ah")), reasons::toString);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("stack pressure rose to 3.4 MPa")), reasons::toString);
        String ncr = graded.getString("results[2].ncr");
        as("auditor1").get(API + "/ncrs?itemType=CELL&itemId=" + x).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].number", equalTo(ncr)).body("items[0].defectCode", equalTo("OUT-OF-BIN"))
                .body("items[0].source", equalTo("GRADING")).body("items[0].status", equalTo("OPEN"));
        // the distribution the grading chart shows: each bin best first, and the cell outside every bin
        as("auditor1").get(API + "/grading/" + product + "/distribution").then().statusCode(200)
                .body("cells", equalTo(3)).body("bins.grade", contains("A", "B")).body("bins.cells", contains(1, 1))
                .body("bins[0].percent", equalTo(33.3f)).body("outsideEveryBin", equalTo(1))
                .body("outsidePercent", equalTo(33.3f));
        as("operator1").get(API + "/grading/" + product + "/distribution").then().statusCode(403);
        as("auditor1").get(API + "/grading/" + product + "/distribution?to=2020-01-01T00:00:00Z").then()
                .statusCode(200).body("cells", equalTo(0)).body("bins.cells", contains(0, 0));
        as("auditor1").get(API + "/measurements?cell=" + b).then().body("items.characteristic",
                containsInAnyOrder("OCV", "K_VALUE", "ACIR", "CAPACITY")).body("items.verdict",
                        contains("PASS", "PASS", "PASS", "PASS"));

        // the lot cannot be approved: the failed cell, its open NCR; yield 2 of 3
        JsonPath disposition = as("supervisor1").get(API + "/lots/" + lot + "/disposition").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(false, disposition.getBoolean("ok"));
        assertEquals(3, disposition.getInt("cells"));
        assertEquals(2, disposition.getInt("cellsPassed"));
        assertEquals(66.7, disposition.getDouble("yieldPct"), 1e-9);
        List<String> why = disposition.getList("reasons");
        assertTrue(why.contains(ncr + " open: OUT-OF-BIN, " + graded.getString("results[2].reasons[2]")), why::toString);
        assertTrue(why.contains("cell " + x + ": CAPACITY 57 Ah below lower limit 58.2 Ah"), why::toString);
    }

    @Test
    void anNcrIsDisposedOnceUnderQualitysSignatureAndShowsInThePareto() {
        String product = unique("P"), c1 = unique("C"), c2 = unique("C");
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, product, c1, c2);
            ocv(mqtt, c1, "2.2");
            ocv(mqtt, c2, "2.3");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("supervisor1")
                .get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(true))
                .body("yieldPct", equalTo(100.0f)));
        String open = "{\"defectCode\":\"SEAL-WRINKLE\",\"description\":\"wrinkle across the top seal\","
                + "\"items\":[{\"itemType\":\"CELL\",\"itemId\":\"" + c1 + "\"}]}";
        long id = as("operator1").body(open).post(API + "/ncrs").then().statusCode(201)
                .body("number", notNullValue()).body("product", equalTo(product)).body("status", equalTo("OPEN"))
                .extract().jsonPath().getLong("id");
        as("operator1").body("{\"defectCode\":\"X\",\"description\":\"d\",\"items\":[{\"itemType\":\"CELL\","
                + "\"itemId\":\"NOPE-9\"}]}").post(API + "/ncrs").then().statusCode(404);
        as("operator1").body("{\"defectCode\":\"X\",\"description\":\"d\",\"items\":[]}").post(API + "/ncrs").then()
                .statusCode(400);
        as("supervisor1").get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(false))
                .body("reasons[0]", containsString("SEAL-WRINKLE")).body("cellsPassed", equalTo(1));

        as("quality1").body("{\"rootCause\":\"sealing bar temperature drifted low\"}")
                .put(API + "/ncrs/" + id + "/root-cause").then().statusCode(200)
                .body("rootCause", equalTo("sealing bar temperature drifted low"));
        String dispose = "{\"disposition\":\"REWORK\",\"meaning\":\"disposition approved\","
                + "\"reason\":\"reseal; wrinkle outside the sealing area\"}";
        given().auth().oauth2(TestTokens.of("supervisor1")).contentType("application/json").body(dispose)
                .post(API + "/ncrs/" + id + "/disposition").then().statusCode(403);
        given().auth().oauth2(TestTokens.loggedInAgo("quality1", Duration.ofMinutes(10)))
                .contentType("application/json").body(dispose).post(API + "/ncrs/" + id + "/disposition").then()
                .statusCode(401).body("type", equalTo("urn:mes:problem:signature-stale-authentication"));
        as("quality1").body("{\"disposition\":\"BURN\",\"meaning\":\"m\",\"reason\":\"r\"}")
                .post(API + "/ncrs/" + id + "/disposition").then().statusCode(400);
        as("quality1").body(dispose).post(API + "/ncrs/" + id + "/disposition").then().statusCode(200)
                .body("status", equalTo("DISPOSED")).body("disposition", equalTo("REWORK"))
                .body("dispositionSignature", notNullValue()).body("disposedBy", notNullValue());
        as("quality1").body(dispose).post(API + "/ncrs/" + id + "/disposition").then().statusCode(409)
                .body("type", equalTo("urn:mes:problem:ncr-not-open"));
        as("quality1").body("{\"rootCause\":\"later\"}").put(API + "/ncrs/" + id + "/root-cause").then()
                .statusCode(409);
        as("supervisor1").get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(true));
        as("auditor1").get(API + "/audit?entityType=ncr&entityId=" + id).then().statusCode(200)
                .body("items.action", hasItem("ncr.disposed")).body("items.action", hasItem("signature.signed"));

        for (int i = 0; i < 2; i++) {
            as("operator1").body(open.replace("SEAL-WRINKLE", "TAB-BURR")).post(API + "/ncrs").then()
                    .statusCode(201);
        }
        JsonPath pareto = as("quality1").get(API + "/ncrs/pareto?product=" + product).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, pareto.getInt("total"));
        assertEquals(List.of("TAB-BURR", "SEAL-WRINKLE"), pareto.getList("bars.defectCode"));
        assertEquals(66.667, pareto.getDouble("bars[0].percent"), 1e-3);
        assertEquals(100.0, pareto.getDouble("bars[1].cumulativePercent"), 1e-9);
        as("operator1").get(API + "/ncrs/pareto").then().statusCode(403);
    }

    @Test
    void aLotDispositionListsEveryReasonItIsNotOk() {
        String product = unique("P"), c1 = unique("C"), c2 = unique("C"), c3 = unique("C");
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, product, c1, c2, c3);
            ocv(mqtt, c1, "2.2");
            ocv(mqtt, c2, "2.9");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1")
                .get(API + "/measurements?cell=" + c2).then().body("total", equalTo(1)));
        as("quality1").body("{\"itemType\":\"LOT\",\"itemId\":\"" + lot + "\",\"reason\":\"dry room dew point\"}")
                .post(API + "/holds").then().statusCode(201);
        as("operator1").body("{\"defectCode\":\"DENT\",\"description\":\"dented pouch\",\"items\":[{\"itemType\":"
                + "\"CELL\",\"itemId\":\"" + c1 + "\"}]}").post(API + "/ncrs").then().statusCode(201);
        JsonPath d = as("supervisor1").get(API + "/lots/" + lot + "/disposition").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(false, d.getBoolean("ok"));
        List<String> reasons = d.getList("reasons");
        assertEquals(4, reasons.size(), reasons::toString);
        assertTrue(reasons.get(0).contains("dry room dew point"), reasons::toString);
        assertTrue(reasons.get(1).contains("DENT, dented pouch"), reasons::toString);
        assertTrue(reasons.contains("cell " + c2 + ": OCV 2.9 V above upper limit 2.5 V"), reasons::toString);
        assertTrue(reasons.contains("cell " + c3 + ": OCV not measured"), reasons::toString);
        assertEquals(0, d.getInt("cellsPassed"), "c1 has an NCR, c2 failed, c3 is not measured yet");
    }

    @Test
    void sampledCharacteristicsNeedTheirSampleOnly() {
        String product = unique("P");
        String[] cells = { unique("C"), unique("C"), unique("C"), unique("C") };
        java.util.Arrays.sort(cells);
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, product, cells);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200));
        as("quality1").body("""
                {"reason":"sample","characteristics":[
                  {"operation":"OCV","code":"OCV","name":"OCV","unit":"V","lowerLimit":2.0,"upperLimit":2.5,
                   "sampling":"FIRST_LAST"},
                  {"operation":"OCV","code":"THK","name":"Thickness","unit":"mm","upperLimit":5,
                   "sampling":"PER_LOT","sampleSize":2}]}""").put(API + "/plans/" + product).then().statusCode(201);
        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, cells[0], "2.2");
            event(mqtt, "equipment", "measurement", """
                    {"equipment":"GAUGE-01","characteristic":"THK","value":4.1,"unit":"mm","cell":"%s",
                     "ts":"2026-11-23T09:00:00Z"}""".formatted(cells[1]));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1")
                .get(API + "/measurements?cell=" + cells[1]).then().body("total", equalTo(1)));
        as("supervisor1").get(API + "/lots/" + lot + "/gates/OCV").then().body("status", equalTo("PENDING"))
                .body("reasons.detail", containsInAnyOrder(
                        "OCV: OCV not measured on the lot's first and last cell (" + cells[3] + ")",
                        "OCV: THK measured on 1 of the 2 cells sampled per lot"));
        JsonPath todo = as("operator1").get(API + "/lots/" + lot + "/operations/OCV/to-measure").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("OCV", "THK"), todo.getList("characteristic"));
        assertEquals(List.of(cells[3]), todo.getList("[0].next"), "the last cell is still to measure");
        assertEquals(List.of(cells[0]), todo.getList("[1].next"), "one more cell for the sample of two");
        assertEquals(List.of(cells[1]), todo.getList("[1].measured"));
        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, cells[3], "2.3");
            event(mqtt, "equipment", "measurement", """
                    {"equipment":"GAUGE-01","characteristic":"THK","value":4.3,"unit":"mm","cell":"%s",
                     "ts":"2026-11-23T09:00:00Z"}""".formatted(cells[2]));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("supervisor1")
                .get(API + "/lots/" + lot + "/gates/OCV").then().body("status", equalTo("PASS")));
        as("supervisor1").get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(true))
                .body("cells", equalTo(4));
        as("operator1").get(API + "/lots/" + lot + "/operations/OCV/to-measure").then()
                .body("next.flatten()", org.hamcrest.Matchers.empty());
        as("operator1").get(API + "/lots/NOPE-3/operations/OCV/to-measure").then().statusCode(404);
    }

    @Test
    void aCyclersCsvExportIsImportedOnlyWhenEveryLineIsGood() {
        String product = unique("P60"), a = unique("C"), b = unique("C");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            formatWithCells(mqtt, product, a, b);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200));
        as("quality1").body("{\"reason\":\"r\",\"bins\":[{\"grade\":\"A\",\"capacityMinAh\":58.2}]}")
                .put(API + "/grading/" + product + "/bins").then().statusCode(200);
        String header = "cell,ocv1_v,ocv1_at,ocv2_v,ocv2_at,acir_mohm,capacity_ah,pressure_min_mpa,pressure_max_mpa\n";
        String good = a + ",3.70,2026-11-20T08:00:00Z,3.699,2026-11-27T08:00:00Z,1.1,60.2,1.9,2.2\n";
        String bad = b + ",3.70,yesterday,3.69,2026-11-27T08:00:00Z,1.1,sixty,,\n";
        given().auth().oauth2(TestTokens.of("operator1")).contentType("text/csv").body(header + good + bad)
                .post(API + "/grading/results?cycler=CYC-02").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:invalid-csv")).body("detail", containsString("line 3"));
        // a blank line is skipped but counted: the bad line keeps its number in the file
        given().auth().oauth2(TestTokens.of("operator1")).contentType("text/csv").body(header + "\n" + good + bad)
                .post(API + "/grading/results?cycler=CYC-02").then().statusCode(400)
                .body("detail", containsString("line 4: "));
        as("auditor1").get(API + "/measurements?cell=" + a).then().body("total", equalTo(0));
        given().auth().oauth2(TestTokens.of("operator1")).contentType("text/csv").body("serial,ocv\n" + good)
                .post(API + "/grading/results?cycler=CYC-02").then().statusCode(400)
                .body("detail", containsString("the first line must be the header"));
        given().auth().oauth2(TestTokens.of("operator1")).contentType("text/csv").body(header + good)
                .post(API + "/grading/results").then().statusCode(400);
        given().auth().oauth2(TestTokens.of("operator1")).contentType("text/csv")
                .body(header + good + b + ",3.70,2026-11-20T08:00:00Z,3.70,2026-11-27T08:00:00Z,1.0,61,,\n")
                .post(API + "/grading/results?cycler=CYC-02").then().statusCode(200).body("cells", equalTo(2))
                .body("results.grade", contains("A", "A")).body("results[0].pressureMaxMpa", equalTo(2.2f));
    }

    @Test
    void stagesAreComparedByYieldAndCapability() {
        String sample = unique("P1"), production = unique("P60");
        String[] small = new String[6];
        String[] big = new String[6];
        for (int i = 0; i < 6; i++) {
            small[i] = unique("S");
            big[i] = unique("B");
        }
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lotWithCells(mqtt, sample, small); // stage SAMPLE, OCV 2.0..2.5
            String lot = unique("LOT");
            event(mqtt, "work-orders", "routing.released", """
                    {"product":"%s","stage":"PRODUCTION","routing":"R-%s","version":1,"operations":[
                      {"sequence":30,"code":"OCV","name":"OCV","characteristics":[
                        {"code":"OCV","name":"OCV","unit":"V","lowerLimit":2.0,"upperLimit":2.5}]}]}
                    """.formatted(production, production));
            event(mqtt, "work-orders", "lot.created", """
                    {"lot":"%s","workOrder":"WO-8","product":"%s","routing":"R-%s","routingVersion":1,
                     "plannedQuantity":6}""".formatted(lot, production, production));
            for (String c : big) {
                event(mqtt, "equipment", "cell.assembled", """
                        {"equipment":"STACK-01","line":"L8","cell":"%s","lot":"%s","inputs":[],
                         "ts":"2026-11-23T08:00:00Z"}""".formatted(c, lot));
            }
            double[] tight = { 2.24, 2.26, 2.25, 2.24, 2.26, 2.25 };
            double[] loose = { 2.10, 2.40, 2.20, 2.35, 2.05, 2.6 };
            for (int i = 0; i < 6; i++) {
                ocv(mqtt, small[i], String.valueOf(tight[i]));
                ocv(mqtt, big[i], String.valueOf(loose[i]));
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1")
                .get(API + "/measurements?cell=" + big[5]).then().body("total", equalTo(1)));
        JsonPath cmp = as("supervisor1").get(API + "/stages/comparison?characteristics=OCV&from=2026-11-01T00:00:00Z"
                + "&to=2026-12-01T00:00:00Z").then().statusCode(200).extract().jsonPath();
        JsonPath s = new JsonPath(cmp.prettify());
        String at = "stages.find { it.product == '%s' }";
        assertEquals("SAMPLE", s.getString(at.formatted(sample) + ".stage"));
        assertEquals(100.0, s.getDouble(at.formatted(sample) + ".yieldPct"), 1e-9);
        assertEquals(83.3, s.getDouble(at.formatted(production) + ".yieldPct"), 1e-9);
        double cpkSmall = s.getDouble(at.formatted(sample) + ".characteristics[0].cpk");
        double cpkBig = s.getDouble(at.formatted(production) + ".characteristics[0].cpk");
        assertTrue(cpkSmall > 1.33 && cpkBig < 1, "the sample process is capable, the production one is not: "
                + cpkSmall + " vs " + cpkBig);
        List<String> stages = cmp.getList("stages.stage");
        assertTrue(stages.indexOf("SAMPLE") < stages.lastIndexOf("PRODUCTION"), "sample before production");
        as("operator1").get(API + "/stages/comparison").then().statusCode(403);
        as("supervisor1").get(API + "/stages/comparison?characteristics=a;b").then().statusCode(400);
    }
}
