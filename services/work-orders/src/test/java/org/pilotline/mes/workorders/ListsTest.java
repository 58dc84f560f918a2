package org.pilotline.mes.workorders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The lists a supervisor's and an operator's screens start from: lots across orders, orders, training records. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class ListsTest {

    private static final String API = "/api/work-orders";

    private static String workOrder(String product, int priority, String dueDate) {
        return WorkOrdersTest.as("supervisor1").body("""
                {"product":"%s","plannedQuantity":4,"lotSize":2,"priority":%d,"dueDate":%s}"""
                .formatted(product, priority, dueDate == null ? "null" : "\"" + dueDate + "\""))
                .post(API + "/work-orders").then().statusCode(201).extract().path("number");
    }

    private static void release(String number) {
        WorkOrdersTest.as("supervisor1").post(API + "/work-orders/" + number + "/release").then().statusCode(200);
    }

    private static void run(String lot, String op, String step) {
        WorkOrdersTest.as("operator1").body("{}").post(API + "/lots/" + lot + "/operations/" + op + "/" + step)
                .then().statusCode(200);
    }

    @Test
    void lotsAcrossWorkOrdersByStateMostUrgentFirstWithTheOperationEachIsAt() {
        String product = WorkOrdersTest.productWithReleasedRouting();
        String later = workOrder(product, 100, "2027-03-01");
        String urgent = workOrder(product, 10, null);
        release(later);
        release(urgent);
        String ready = later + "-01";
        for (String op : List.of("STACK", "PRESS", "OCV")) {
            run(ready, op, "start");
            run(ready, op, "complete");
        }
        String pressing = urgent + "-02";
        run(pressing, "STACK", "start");
        run(pressing, "STACK", "complete");
        run(pressing, "PRESS", "start");

        WorkOrdersTest.as("auditor1").get(API + "/lots?product=" + product).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.lot", contains(urgent + "-01", urgent + "-02", later + "-01", later + "-02"));
        WorkOrdersTest.as("supervisor1").get(API + "/lots?state=READY&product=" + product).then()
                .body("total", equalTo(1))
                .body("items[0].lot", equalTo(ready)).body("items[0].workOrder", equalTo(later))
                .body("items[0].product", equalTo(product)).body("items[0].stage", equalTo("SAMPLE"))
                .body("items[0].plannedQuantity", equalTo(2)).body("items[0].priority", equalTo(100))
                .body("items[0].dueDate", equalTo("2027-03-01")).body("items[0].workOrderState", equalTo("RUNNING"))
                .body("items[0].operationsCompleted", equalTo(3)).body("items[0].operationsTotal", equalTo(3))
                .body("items[0].currentOperation", nullValue());
        WorkOrdersTest.as("operator1").get(API + "/lots?state=IN_PROCESS&state=READY&product=" + product).then()
                .body("items.lot", contains(pressing, ready))
                .body("items[0].currentOperation", equalTo("PRESS"))
                .body("items[0].currentOperationName", equalTo("Isostatic pressing"))
                .body("items[0].currentOperationState", equalTo("STARTED"))
                .body("items[0].operationsCompleted", equalTo(1));
        WorkOrdersTest.as("quality1").get(API + "/lots?state=CREATED&workOrder=" + later).then()
                .body("items.lot", contains(later + "-02"))
                .body("items[0].currentOperation", equalTo("STACK"))
                .body("items[0].currentOperationState", equalTo("PENDING"));
        WorkOrdersTest.as("admin1").get(API + "/lots?state=READY,IN_PROCESS&stage=SAMPLE&product=" + product + "&size=1")
                .then().body("total", equalTo(2)).body("size", equalTo(1)).body("items.lot", contains(pressing));
        WorkOrdersTest.as("auditor1").get(API + "/lots?stage=PRODUCTION&product=" + product).then()
                .body("total", equalTo(0));
        WorkOrdersTest.as("auditor1").get(API + "/lots?state=DONE").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:lot-state"));
        WorkOrdersTest.as("auditor1").get(API + "/lots?stage=HUGE").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:stage"));
        io.restassured.RestAssured.given().get(API + "/lots").then().statusCode(401);
    }

    @Test
    void workOrdersByStatesProductAndStage() {
        String product = WorkOrdersTest.productWithReleasedRouting();
        String created = workOrder(product, 50, null);
        String released = workOrder(product, 40, null);
        String running = workOrder(product, 30, null);
        release(released);
        release(running);
        run(running + "-01", "STACK", "start");

        WorkOrdersTest.as("operator1").get(API + "/work-orders?state=RELEASED&state=RUNNING&product=" + product)
                .then().statusCode(200).body("total", equalTo(2)).body("items.number", contains(running, released));
        WorkOrdersTest.as("operator1").get(API + "/work-orders?state=CREATED,RUNNING&product=" + product).then()
                .body("items.number", contains(running, created));
        WorkOrdersTest.as("auditor1").get(API + "/work-orders?stage=SAMPLE&product=" + product).then()
                .body("total", equalTo(3)).body("items.product", everyItem(equalTo(product)));
        WorkOrdersTest.as("auditor1").get(API + "/work-orders?stage=VALIDATION&product=" + product).then()
                .body("total", equalTo(0));
        WorkOrdersTest.as("auditor1").get(API + "/work-orders?state=RUNNING&stage=SAMPLE").then()
                .body("items.number", hasItem(running)).body("items.number", not(hasItem(created)));
        WorkOrdersTest.as("auditor1").get(API + "/work-orders?state=LATE").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:work-order-state"));
    }

    @Test
    void everyonesQualificationsWithExpiredAndRevokedOnesOnRequest() {
        String q = "LIST_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        grant("operator1", q, LocalDate.now().plusYears(1));
        grant("operator2", q, null);
        grant("operator3", q, LocalDate.now().minusDays(1));
        int revoked = grant("operator4", q, null);
        WorkOrdersTest.as("supervisor1").delete(API + "/qualifications/" + revoked).then().statusCode(204);

        WorkOrdersTest.as("auditor1").get(API + "/qualifications?qualification=" + q).then().statusCode(200)
                .body("total", equalTo(2)).body("items.user", contains("operator1", "operator2"))
                .body("items.state", everyItem(equalTo("VALID")));
        WorkOrdersTest.as("supervisor1").get(API + "/qualifications?includeExpired=true&qualification=" + q).then()
                .body("total", equalTo(4))
                .body("items.user", contains("operator1", "operator2", "operator3", "operator4"))
                .body("items.state", contains("VALID", "VALID", "EXPIRED", "REVOKED"))
                .body("items[2].validUntil", equalTo(LocalDate.now().minusDays(1).toString()))
                .body("items[3].revokedBy", equalTo("supervisor1"));
        WorkOrdersTest.as("operator1").get(API + "/qualifications").then().statusCode(200)
                .body("items.qualification", hasItem(q));
        WorkOrdersTest.as("operator1").get(API + "/qualifications?user=operator3&includeExpired=true").then()
                .body("items.qualification", hasItem(q));
        WorkOrdersTest.as("operator1").get(API + "/qualifications?user=operator3").then()
                .body("items.qualification", not(hasItem(q)));
        WorkOrdersTest.as("operator1").get(API + "/qualifications?size=2").then().body("items.state",
                containsInAnyOrder("VALID", "VALID"));
    }

    private static int grant(String user, String q, LocalDate until) {
        return WorkOrdersTest.as("supervisor1").body("""
                {"user":"%s","qualification":"%s","validUntil":%s}""".formatted(user, q,
                until == null ? "null" : "\"" + until + "\"")).post(API + "/qualifications").then().statusCode(201)
                .extract().path("id");
    }
}
