package org.pilotline.mes.genealogy;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.pilotline.mes.genealogy.Plant.API;
import static org.pilotline.mes.genealogy.Plant.as;
import static org.pilotline.mes.genealogy.Plant.event;
import static org.pilotline.mes.genealogy.Plant.input;
import static org.pilotline.mes.genealogy.Plant.produced;
import static org.pilotline.mes.genealogy.Plant.receive;
import static org.pilotline.mes.genealogy.Plant.unique;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole process chain of a sulfide cell, from five raw lots through electrolyte synthesis, cathode mixing,
 * coating, slitting and the electrolyte film to a stacked cell; then what ran on it, and a correction.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeEquipment.class)
class TraceTest {

    /** The chain's lots, named per test run. */
    record Chain(String li2s, String p2s5, String licl, String ncm, String foil, String li, String electrolyte,
            String mix, String coil, String sub, String film, String cell, String lot) {
    }

    static Chain buildChain(String product) {
        Chain c = new Chain(unique("LI2S"), unique("P2S5"), unique("LICL"), unique("NCM"), unique("ALF"),
                unique("LIF"), unique("EB"), unique("CM"), unique("COIL"), unique("SUB"), unique("FILM"),
                unique("CELL"), unique("LOT"));
        receive(c.li2s(), "LI2S", "10", "kg", "Sulfide Co");
        receive(c.p2s5(), "P2S5", "10", "kg", "Sulfide Co");
        receive(c.licl(), "LICL", "5", "kg", "Halide Inc");
        receive(c.ncm(), "NCM811", "20", "kg", "Cathode AG");
        receive(c.foil(), "AL_FOIL", "2000", "m", "Foil GmbH");
        receive(c.li(), "LI_FOIL", "500", "m", "Lithium Ltd");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, "work-orders", "routing.released", """
                    {"product":"%s","stage":"PRODUCTION","routing":"R-%s","version":1,"operations":[]}"""
                    .formatted(product, product));
            event(mqtt, "work-orders", "lot.created", """
                    {"lot":"%s","workOrder":"WO-%s","product":"%s","routing":"R","routingVersion":1,
                     "plannedQuantity":10}""".formatted(c.lot(), c.lot(), product));
            produced(mqtt, "SYN-01", c.electrolyte(), "ARGYRODITE", "4", "kg", null, "2026-11-20T08:00:00Z",
                    input(c.li2s(), "2", "kg"), input(c.p2s5(), "1.5", "kg"), input(c.licl(), "0.5", "kg"));
            produced(mqtt, "MIX-01", c.mix(), "CATHODE_MIX", "6", "kg", null, "2026-11-21T08:00:00Z",
                    input(c.ncm(), "5", "kg"), input(c.electrolyte(), "1", "kg"));
            produced(mqtt, "COAT-01", c.coil(), "CATHODE_COIL", "1000", "m", null, "2026-11-21T12:00:00Z",
                    input(c.mix(), "6", "kg"), input(c.foil(), "1000", "m"));
            produced(mqtt, "SLIT-01", c.sub(), "CATHODE_SUBCOIL", "500", "m", "{\"from\":0,\"to\":500,\"unit\":\"m\"}",
                    "2026-11-22T08:00:00Z", input(c.coil(), "500", "m"));
            produced(mqtt, "SEFILM-01", c.film(), "SE_FILM", "300", "m", null, "2026-11-22T09:00:00Z",
                    input(c.electrolyte(), "2", "kg"));
            event(mqtt, "equipment", "unit.started", """
                    {"equipment":"STACK-01","operation":"STACK","lot":"%s","parameters":{"sheets":24},
                     "ts":"2026-11-23T08:00:00Z"}""".formatted(c.lot()));
            event(mqtt, "equipment", "cell.assembled", """
                    {"equipment":"STACK-01","line":"L1","cell":"%s","lot":"%s",
                     "inputs":[{"materialLot":"%s","quantity":2.4,"unit":"m"},{"materialLot":"%s","quantity":2.4,"unit":"m"},
                               {"materialLot":"%s","quantity":1.2,"unit":"m"}],
                     "parameters":{"alignmentUm":35},"ts":"2026-11-23T08:05:00Z"}"""
                    .formatted(c.cell(), c.lot(), c.sub(), c.film(), c.li()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1").get(API + "/cells/" + c.cell())
                .then().statusCode(200));
        return c;
    }

    @Test
    void aSubCoilCutFromACoilTracesToTheCoilsRawMaterials() {
        Chain c = buildChain(unique("CELL-60AH"));
        as("auditor1").get(API + "/material-lots/" + c.sub() + "/trace/backward").then().statusCode(200)
                .body("rawMaterials.id", containsInAnyOrder(c.li2s(), c.p2s5(), c.licl(), c.ncm(), c.foil()))
                .body("steps.find { it.materialLot == '" + c.coil() + "' }.depth", equalTo(1))
                .body("steps.find { it.materialLot == '" + c.coil() + "' }.rangeTo", equalTo(500f))
                .body("steps.find { it.materialLot == '" + c.coil() + "' }.equipment", equalTo("SLIT-01"))
                .body("steps.find { it.materialLot == '" + c.li2s() + "' }.depth", equalTo(4))
                .body("rawMaterials.find { it.id == '" + c.licl() + "' }.supplier", equalTo("Halide Inc"));
    }

    @Test
    void aCellTracesBackToEveryRawLotThroughEveryIntermediateWithItsProcessContext() {
        String product = unique("CELL-60AH");
        Chain c = buildChain(product);
        as("auditor1").get(API + "/cells/" + c.cell() + "/trace/backward").then().statusCode(200)
                .body("rawMaterials.id", containsInAnyOrder(c.li2s(), c.p2s5(), c.licl(), c.ncm(), c.foil(), c.li()))
                .body("steps.materialLot", hasItem(c.mix()))
                // the electrolyte reached the cell two ways: through the film (depth 2) and the cathode (depth 4)
                .body("steps.findAll { it.materialLot == '" + c.electrolyte() + "' }.into",
                        containsInAnyOrder(c.film(), c.mix()))
                .body("steps.find { it.materialLot == '" + c.sub() + "' }.operation", equalTo("STACK"))
                .body("steps.find { it.materialLot == '" + c.sub() + "' }.equipment", equalTo("STACK-01"))
                .body("steps.find { it.materialLot == '" + c.mix() + "' }.operation", nullValue())
                .body("operations.operation", contains("STACK"))
                .body("operations[0].unitKind", equalTo("LOT"))
                .body("operations[0].parameters.sheets", equalTo(24))
                .body("cell.stage", equalTo("PRODUCTION")).body("cell.product", equalTo(product))
                .body("cell.currentOperation", equalTo("STACK"))
                .body("cell.parameters.alignmentUm", equalTo(35)).body("cell.status", equalTo("IN_PROCESS"));
    }

    @Test
    void whatRunsOnACellOrItsLotIsItsCurrentOperationAndTheLotsDecisionItsStatus() {
        Chain c = buildChain(unique("CELL-20AH"));
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, "equipment", "unit.completed", """
                    {"equipment":"STACK-01","operation":"STACK","lot":"%s","parameters":{"good":10,"scrap":0},
                     "ts":"2026-11-23T09:00:00Z"}""".formatted(c.lot()));
            event(mqtt, "equipment", "unit.started", """
                    {"equipment":"FORM-01","operation":"FORMATION","cell":"%s","parameters":{"fixtureMPa":5},
                     "ts":"2026-11-23T10:00:00Z"}""".formatted(c.cell()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1").get(API + "/cells/" + c.cell())
                .then().body("currentOperation", equalTo("FORMATION")));
        as("auditor1").get(API + "/cells/" + c.cell() + "/trace/backward").then()
                .body("operations.operation", contains("STACK", "FORMATION"))
                .body("operations[0].completedAt", equalTo("2026-11-23T09:00:00Z"))
                .body("operations[0].parameters.sheets", equalTo(24))
                .body("operations[0].parameters.good", equalTo(10))
                .body("operations[1].unitKind", equalTo("CELL"));
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, "work-orders", "lot.approved", """
                    {"lot":"%s","workOrder":"WO-1","decision":"APPROVED","signedBy":"supervisor1","printedName":"S",
                     "meaning":"approved for release","reason":"all gates passed","signedAt":"2026-11-24T08:00:00Z"}"""
                    .formatted(c.lot()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("auditor1").get(API + "/cells/" + c.cell())
                .then().body("status", equalTo("RELEASED")));
    }

    @Test
    void aWrongLinkIsCorrectedByANewRecordAndTheTraceFollowsTheCorrection() {
        Chain c = buildChain(unique("CELL-10AH"));
        String rightLi = unique("LIF");
        receive(rightLi, "LI_FOIL", "100", "m", "Lithium Ltd");
        long wrongLink = as("quality1").get(API + "/cells/" + c.cell() + "/trace/backward").then().extract().jsonPath()
                .getLong("steps.find { it.materialLot == '" + c.li() + "' }.linkId");

        as("operator1").body("{\"reason\":\"wrong roll scanned\",\"materialLot\":\"" + rightLi + "\"}")
                .post(API + "/links/" + wrongLink + "/corrections").then().statusCode(403);
        as("quality1").body("{\"reason\":\"\"}").post(API + "/links/" + wrongLink + "/corrections").then()
                .statusCode(400);
        as("quality1").body("{\"reason\":\"wrong roll scanned\",\"materialLot\":\"" + rightLi + "\"}")
                .post(API + "/links/" + wrongLink + "/corrections").then().statusCode(201)
                .body("corrects", equalTo((int) wrongLink)).body("replacementMaterialLot", equalTo(rightLi))
                .body("correctedBy", equalTo("quality1"));

        as("auditor1").get(API + "/cells/" + c.cell() + "/trace/backward").then()
                .body("rawMaterials.id", hasItem(rightLi)).body("rawMaterials.id", not(hasItem(c.li())))
                .body("steps.find { it.materialLot == '" + rightLi + "' }.recordedBy", equalTo("quality1"))
                .body("steps.find { it.materialLot == '" + rightLi + "' }.operation", equalTo("STACK"))
                .body("corrections[0].materialLot", equalTo(c.li()))
                .body("corrections[0].reason", equalTo("wrong roll scanned"));
        // the wrong roll has its 1.2 m back; the right one gave them
        as("auditor1").get(API + "/material-lots/" + c.li()).then().body("quantity", equalTo(500f));
        as("auditor1").get(API + "/material-lots/" + rightLi).then().body("quantity", equalTo(98.8f));
        as("auditor1").get(API + "/material-lots/" + c.li() + "/trace/forward").then().body("totalCells", equalTo(0));
        as("auditor1").get(API + "/material-lots/" + rightLi + "/trace/forward").then()
                .body("cells.serial", contains(c.cell()));

        // a correction is corrected through its replacement, never twice
        as("quality1").body("{\"reason\":\"again\"}").post(API + "/links/" + wrongLink + "/corrections").then()
                .statusCode(409).body("type", org.hamcrest.Matchers.endsWith("link-already-corrected"));
        as("quality1").body("{\"reason\":\"x\"}").post(API + "/links/999999999/corrections").then().statusCode(404);
        as("auditor1").get(API + "/audit?entityType=cell&entityId=" + c.cell()).then()
                .body("items.action", hasItem("link.corrected"));
    }

    @Test
    void aCorrectionWhoseReplacementIsRefusedChangesNothing() {
        Chain c = buildChain(unique("CELL-1AH"));
        String shortLi = unique("LIF");
        receive(shortLi, "LI_FOIL", "1", "m", "Lithium Ltd");
        long link = as("quality1").get(API + "/cells/" + c.cell() + "/trace/backward").then().extract().jsonPath()
                .getLong("steps.find { it.materialLot == '" + c.li() + "' }.linkId");
        as("quality1").body("{\"reason\":\"wrong roll\",\"materialLot\":\"" + shortLi + "\"}")
                .post(API + "/links/" + link + "/corrections").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("insufficient-quantity"));
        as("auditor1").get(API + "/material-lots/" + c.li()).then().body("quantity", equalTo(498.8f));
        as("auditor1").get(API + "/cells/" + c.cell() + "/trace/backward").then()
                .body("rawMaterials.id", hasItem(c.li())).body("corrections", org.hamcrest.Matchers.empty());
    }

    @Test
    void aModuleTracesThroughItsCellsAndWhatReachesACellNamesItsModule() {
        Chain a = buildChain(unique("CELL-60AH"));
        Chain b = buildChain(unique("CELL-60AH"));
        String module = unique("MOD");
        as("auditor1").body("{\"serial\":\"%s\",\"cells\":[\"%s\"]}".formatted(module, a.cell()))
                .post(API + "/modules").then().statusCode(403);
        as("operator1").body("{\"serial\":\"%s\",\"cells\":[\"%s\",\"NO-SUCH-CELL\"]}".formatted(module,
                a.cell())).post(API + "/modules").then().statusCode(404);
        as("operator1").body("{\"serial\":\"%s\",\"product\":\"MOD-12S\",\"cells\":[\"%s\",\"%s\"]}"
                .formatted(module, b.cell(), a.cell())).post(API + "/modules").then().statusCode(201)
                .body("cells.serial", contains(b.cell(), a.cell())).body("cells.position", contains(1, 2))
                .body("createdBy", equalTo("operator1"));
        // a cell goes into one module only
        as("operator1").body("{\"serial\":\"%s\",\"cells\":[\"%s\"]}".formatted(unique("MOD"), a.cell()))
                .post(API + "/modules").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString(a.cell() + " is in module " + module));

        as("auditor1").get(API + "/cells/" + a.cell()).then().body("module", equalTo(module));
        as("auditor1").get(API + "/modules/" + module + "/trace/backward").then().statusCode(200)
                .body("rawMaterials.id", hasItem(a.li2s())).body("rawMaterials.id", hasItem(b.li2s()))
                .body("rawMaterials.size()", equalTo(12))
                .body("materialLots.find { it.materialLot == '" + a.sub() + "' }.depth", equalTo(2));
        as("auditor1").get(API + "/material-lots/" + a.li2s() + "/trace/forward").then()
                .body("modules", contains(module)).body("cells.serial", contains(a.cell()))
                .body("workOrders", contains("WO-" + a.lot()));
        as("auditor1").get(API + "/recalls/scope?materialLot=" + b.ncm()).then().body("modules", contains(module));
    }

    private static void hold(String type, long id, String item, boolean open) {
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, "quality", open ? "hold.placed" : "hold.released", """
                    {"hold":%d,"itemType":"%s","itemId":"%s","reason":"swelling after formation","source":"PERSON",
                     "by":"quality1","at":"2026-11-24T08:00:00Z","open":%s}""".formatted(id, type, item, open));
        }
    }

    @Test
    void aHeldCellOrACellOfAHeldLotGoesIntoNoModule() {
        Chain a = buildChain(unique("CELL-60AH"));
        Chain b = buildChain(unique("CELL-60AH"));
        long cellHold = System.nanoTime() % 1_000_000_000L;
        hold("CELL", cellHold, a.cell(), true);
        hold("LOT", cellHold + 1, b.lot(), true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/cells/" + b.cell())
                .then().body("holds", contains("swelling after formation")));
        as("operator1").get(API + "/cells/" + a.cell()).then().body("holds", contains("swelling after formation"));
        String module = unique("MOD");
        String body = "{\"serial\":\"%s\",\"cells\":[\"%s\",\"%s\"]}".formatted(module, a.cell(), b.cell());
        as("operator1").body(body).post(API + "/modules")
                .then().statusCode(409).body("type", equalTo("urn:mes:problem:cell-not-placeable"))
                .body("detail", org.hamcrest.Matchers.containsString(a.cell() + " is on hold (swelling"))
                .body("detail", org.hamcrest.Matchers.containsString(b.cell() + " is on hold"));
        as("auditor1").get(API + "/modules/" + module).then().statusCode(404);
        hold("CELL", cellHold, a.cell(), false);
        hold("LOT", cellHold + 1, b.lot(), false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/cells/" + b.cell())
                .then().body("holds", org.hamcrest.Matchers.empty()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/cells/" + a.cell())
                .then().body("holds", org.hamcrest.Matchers.empty()));
        as("operator1").body(body).post(API + "/modules").then().statusCode(201);
    }
}
