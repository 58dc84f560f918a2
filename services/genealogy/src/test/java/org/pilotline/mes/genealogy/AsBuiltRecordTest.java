package org.pilotline.mes.genealogy;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.pilotline.mes.genealogy.Plant.API;
import static org.pilotline.mes.genealogy.Plant.as;
import static org.pilotline.mes.genealogy.Plant.receive;
import static org.pilotline.mes.genealogy.Plant.unique;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.genealogy.TraceTest.Chain;
import org.pilotline.mes.testing.PlantTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A cell's as-built record, its printable document and its battery passport data. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeEquipment.class)
class AsBuiltRecordTest {

    @Test
    void theRecordShowsEveryStepWithTheAtmosphereAroundItsMachineAtTheTime() {
        Chain c = TraceTest.buildChain(unique("CELL-60AH"));
        String step = "materials.find { it.step.materialLot == '%s' }";
        as("auditor1").get(API + "/cells/" + c.cell() + "/as-built").then().statusCode(200)
                .body("cell.serial", equalTo(c.cell())).body("cell.stage", equalTo("PRODUCTION"))
                .body("place.manufacturer", equalTo("Pilot-line MES demo plant"))
                .body("place.site", equalTo("pilot")).body("place.line", equalTo("L1"))
                .body("place.equipment", equalTo("STACK-01"))
                // born at 08:05 in the dry room; the fake's dew point tells which hour was asked
                .body("birthEnvironment.enclosures[0].equipment", equalTo("DRYROOM-01"))
                .body("birthEnvironment.enclosures[0].readings[0].value", equalTo(-8.0f))
                .body("birthEnvironment.enclosures[0].readings[0].withinLimits", equalTo(false))
                .body(step.formatted(c.sub()) + ".environment.enclosures[0].readings[0].tag", equalTo("dewPointC"))
                // the coil was slit on the 22nd at 08:00, outside any monitored room
                .body(step.formatted(c.coil()) + ".environment.enclosures", empty())
                .body(step.formatted(c.li2s()) + ".environment.at", equalTo("2026-11-20T08:00:00Z"))
                .body("operations[0].run.operation", equalTo("STACK"))
                .body("operations[0].environment.enclosures[0].readings[0].value", equalTo(-8.0f))
                .body("rawMaterials.supplier", hasItem("Halide Inc"))
                .body("rawMaterials[0].certificate.moisturePpm", equalTo(80))
                .body("gaps", empty());
    }

    @Test
    void theDocumentIsAPageAnAuditorCanReadWithEveryValueEscaped() {
        Chain c = TraceTest.buildChain(unique("CELL-20AH"));
        String odd = unique("LIF");
        receive(odd, "LI_FOIL", "100", "m", "<script>alert(1)</script> & Sons");
        long link = as("quality1").get(API + "/cells/" + c.cell() + "/trace/backward").then().extract().jsonPath()
                .getLong("steps.find { it.materialLot == '" + c.li() + "' }.linkId");
        as("quality1").body("{\"reason\":\"wrong roll\",\"materialLot\":\"" + odd + "\"}")
                .post(API + "/links/" + link + "/corrections").then().statusCode(201);

        as("auditor1").accept("text/html").get(API + "/cells/" + c.cell() + "/as-built.html").then()
                .statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("As-built record: cell " + c.cell()))
                .body(containsString("Halide Inc")).body(containsString("DRYROOM-01: "))
                .body(containsString("dewPointC -8.0 C (out of limits)"))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons"))
                .body(not(containsString("<script>alert")))
                .body(containsString("<h2>Corrections</h2>"));
        as("operator1").accept("text/html").get(API + "/cells/" + c.cell() + "/as-built.html").then().statusCode(403);
    }

    @Test
    void thePassportHasIdentityDateAndPlaceOfManufactureAndTheMaterialsSuppliers() {
        String product = unique("CELL-60AH");
        Chain c = TraceTest.buildChain(product);
        as("auditor1").get(API + "/cells/" + c.cell() + "/passport").then().statusCode(200)
                .body("batteryId", equalTo(c.cell())).body("model", equalTo(product))
                .body("stage", equalTo("PRODUCTION")).body("manufacturingDate", equalTo("2026-11-23"))
                .body("manufacturedAt", equalTo("2026-11-23T08:05:00Z"))
                .body("manufacturingPlace.facility", equalTo("Pilot plant, building 1"))
                .body("manufacturingPlace.area", equalTo("assembly"))
                .body("materials.supplier", containsInAnyOrder("Sulfide Co", "Sulfide Co", "Halide Inc", "Cathode AG",
                        "Foil GmbH", "Lithium Ltd"))
                .body("materials.find { it.materialLot == '" + c.ncm() + "' }.materialType", equalTo("NCM811"))
                .body("gaps", empty());
        as("auditor1").get(API + "/cells/NO-SUCH-CELL/passport").then().statusCode(404);
    }

    @Test
    void withEquipmentDownTheRecordSaysWhatItCouldNotRead() {
        Chain c = TraceTest.buildChain(unique("CELL-10AH"));
        FakeEquipment.DOWN.set(true);
        try {
            as("auditor1").get(API + "/cells/" + c.cell() + "/as-built").then().statusCode(200)
                    .body("cell.serial", equalTo(c.cell())).body("birthEnvironment", nullValue())
                    .body("materials.size()", equalTo(12)).body("place.site", nullValue())
                    .body("gaps", hasItem(startsWith("environment readings: the equipment service did not answer")))
                    .body("gaps", hasItem(startsWith("place: the equipment service did not say where STACK-01")));
            as("auditor1").accept("text/html").get(API + "/cells/" + c.cell() + "/as-built.html").then()
                    .statusCode(200).body(containsString("Incomplete: environment readings"));
        } finally {
            FakeEquipment.DOWN.set(false);
        }
    }
}
