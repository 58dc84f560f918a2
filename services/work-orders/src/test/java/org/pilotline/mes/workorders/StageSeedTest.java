package org.pilotline.mes.workorders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.localplant.SeedLoader;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The seed routings of the four stages load through the API, twice without harm, and make sense. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class StageSeedTest {

    private static final String API = "/api/work-orders";
    private static final Path SEED = Path.of("seed/stage-routings.json");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theFourStagesLoadOnceAndA60AhOrderTakesItsRouting() {
        SeedLoader loader = new SeedLoader(base.toString(), TestTokens::of);
        assertEquals(new SeedLoader.Result(12, 0), loader.load(SEED));
        assertEquals(new SeedLoader.Result(0, 12), loader.load(SEED), "loading again changes nothing");

        WorkOrdersTest.as("auditor1").get(API + "/products/SSB-60AH").then().statusCode(200)
                .body("stage", equalTo("PRODUCTION")).body("scaledFrom", equalTo("SSB-20AH"))
                .body("chemistry.electrolyte", equalTo("Li6PS5Cl argyrodite"));
        for (String product : List.of("SSB-1AH", "SSB-10AH", "SSB-20AH", "SSB-60AH")) {
            WorkOrdersTest.as("auditor1").get(API + "/routings/R-" + product + "/versions").then().statusCode(200)
                    .body("status", contains("RELEASED")).body("[0].operations", hasSize(14))
                    .body("[0].operations[0].code", equalTo("RECEIPT"))
                    .body("[0].operations[13].code", equalTo("GRADE"));
        }
        WorkOrdersTest.as("auditor1").get(API + "/routings/R-SSB-60AH/versions/1").then()
                .body("operations.find { it.code == 'WIP' }.parameters.find { it.code == 'PRESSURE' }.target",
                        equalTo(450))
                .body("operations.find { it.code == 'FORM' }.equipmentClass", equalTo("FORMATION_CYCLER"))
                .body("operations.find { it.code == 'GRADE' }.characteristics.find { it.code == 'CAPACITY' }.lowerLimit",
                        equalTo(58.2f));

        WorkOrdersTest.as("supervisor1").body("{\"product\":\"SSB-60AH\",\"plannedQuantity\":500,\"lotSize\":100}")
                .post(API + "/work-orders").then().statusCode(201).body("routing", equalTo("R-SSB-60AH"))
                .body("routingVersion", equalTo(1));
    }
}
