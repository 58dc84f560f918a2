package org.pilotline.mes.workorders;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.contracts.SerialFormat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class SerialsTest {

    private static final String API = "/api/work-orders";

    private static String releasedLotOf(int planned) {
        String product = WorkOrdersTest.productWithReleasedRouting();
        String number = WorkOrdersTest.as("supervisor1")
                .body("{\"product\":\"" + product + "\",\"plannedQuantity\":" + planned + "}")
                .post(API + "/work-orders").then().statusCode(201).extract().path("number");
        WorkOrdersTest.as("supervisor1").post(API + "/work-orders/" + number + "/release").then().statusCode(200);
        return number + "-01";
    }

    private static List<String> allocate(String lot, int count, String station) {
        return WorkOrdersTest.as("operator1").body("{\"count\":" + count + ",\"station\":\"" + station + "\"}")
                .post(API + "/lots/" + lot + "/serials").then().statusCode(201).body("count", equalTo(count))
                .extract().jsonPath().getList("serials");
    }

    @Test
    void concurrentStationsNeverGetTheSameSerial() throws Exception {
        List<String> lots = List.of(releasedLotOf(200), releasedLotOf(200));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> blocks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String lot = lots.get(i % 2);
            String station = "STACK-0" + (i % 8);
            blocks.add(pool.submit((Callable<List<String>>) () -> allocate(lot, 25, station)));
        }
        Set<String> all = new HashSet<>();
        int issued = 0;
        for (Future<List<String>> block : blocks) {
            List<String> serials = block.get();
            issued += serials.size();
            all.addAll(serials);
            serials.forEach(s -> assertTrue(SerialFormat.isValid(s), s));
        }
        pool.shutdown();
        assertEquals(400, issued);
        assertEquals(400, all.size(), "every serial issued once");
        WorkOrdersTest.as("auditor1").get(API + "/lots/" + lots.get(0) + "/serials").then().statusCode(200)
                .body("", hasSize(8));
    }

    @Test
    void aLotGetsAtMostTwiceItsPlannedQuantityAndOnlyWhileInProduction() {
        String lot = releasedLotOf(5);
        allocate(lot, 6, "STACK-01");
        WorkOrdersTest.as("operator1").body("{\"count\":5}").post(API + "/lots/" + lot + "/serials").then()
                .statusCode(409).body("type", equalTo("urn:mes:problem:serial-allowance-exceeded"));
        allocate(lot, 4, "STACK-01");

        String product = WorkOrdersTest.productWithReleasedRouting();
        String number = WorkOrdersTest.as("supervisor1").body("{\"product\":\"" + product + "\",\"plannedQuantity\":3}")
                .post(API + "/work-orders").then().extract().path("number");
        WorkOrdersTest.as("supervisor1").post(API + "/work-orders/" + number + "/release").then().statusCode(200);
        WorkOrdersTest.as("supervisor1").body("{\"reason\":\"press maintenance\"}")
                .post(API + "/work-orders/" + number + "/hold").then().statusCode(200);
        WorkOrdersTest.as("operator1").body("{\"count\":1}").post(API + "/lots/" + number + "-01/serials").then()
                .statusCode(409).body("type", equalTo("urn:mes:problem:lot-not-in-production"));
        WorkOrdersTest.as("operator1").body("{\"count\":0}").post(API + "/lots/" + lot + "/serials").then()
                .statusCode(400);
        WorkOrdersTest.as("auditor1").body("{\"count\":1}").post(API + "/lots/" + lot + "/serials").then()
                .statusCode(403);
    }
}
