package org.pilotline.mes.workorders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class ApprovalRaceTest {

    private static final String API = "/api/work-orders";

    @Test
    void twoSupervisorsDecidingAtOnceOneWinsTheOtherGets409() throws Exception {
        for (int round = 0; round < 5; round++) {
            String lot = WorkOrdersTest.readyLot(WorkOrdersTest.productWithReleasedRouting());
            FakeNeighbours.DISPOSITIONS.put(lot, "{\"lot\":\"" + lot + "\",\"ok\":true,\"reasons\":[]}");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String user : List.of("supervisor1", "supervisor2")) {
                String decision = user.equals("supervisor1") ? "APPROVE" : "REJECT";
                answers.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON)
                            .body("{\"decision\":\"" + decision + "\",\"meaning\":\"decided\",\"reason\":\"race\"}")
                            .post(API + "/lots/" + lot + "/approval").statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            pool.shutdown();
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses, "round " + round);
            // exactly one decision is recorded and signed
            WorkOrdersTest.as("auditor1").get(API + "/audit?entityType=lot&entityId=" + lot).then()
                    .body("items.findAll { it.action == 'signature.signed' }.size()", equalTo(1));
        }
    }
}
