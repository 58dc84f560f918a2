package org.pilotline.mes.workorders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class WorkOrdersTest {

    private static final String API = "/api/work-orders";

    static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON);
    }

    /** A product with a released routing whose OCV operation has limits; returns the product code. */
    static String productWithReleasedRouting() {
        String code = "CELL-1AH-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin1").body("""
                {"code":"%s","name":"1 Ah sulfide sample","stage":"SAMPLE","nominalCapacityAh":1}""".formatted(code))
                .post(API + "/products").then().statusCode(201).body("stage", equalTo("SAMPLE"));
        as("admin1").body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking"},
                  {"sequence":20,"code":"PRESS","name":"Isostatic pressing"},
                  {"sequence":30,"code":"OCV","name":"OCV check","characteristics":[
                     {"code":"OCV","unit":"V","lowerLimit":2.0,"target":2.2,"upperLimit":2.5}]}]}"""
                .formatted(code, code))
                .post(API + "/routings").then().statusCode(201).body("version", equalTo(1))
                .body("status", equalTo("DRAFT"));
        as("admin1").post(API + "/routings/R-" + code + "/versions/1/release").then().statusCode(200)
                .body("status", equalTo("RELEASED"));
        return code;
    }

    /** A released work order of 10 cells in lots of 5; returns the first lot's number. */
    static String releasedLot(String product) {
        String number = as("supervisor1").body("""
                {"product":"%s","plannedQuantity":10,"lotSize":5,"priority":100}""".formatted(product))
                .post(API + "/work-orders").then().statusCode(201).body("state", equalTo("CREATED"))
                .extract().path("number");
        as("supervisor1").post(API + "/work-orders/" + number + "/release").then().statusCode(200)
                .body("state", equalTo("RELEASED"));
        List<String> lots = as("supervisor1").get(API + "/work-orders/" + number + "/lots").then().statusCode(200)
                .body("", hasSize(2)).body("plannedQuantity", contains(5, 5)).extract().path("lot");
        return lots.get(0);
    }

    /** A released lot whose operations (STACK, PRESS, OCV) operator1 has run: ready for approval. */
    static String readyLot(String product) {
        String lot = releasedLot(product);
        for (String op : List.of("STACK", "PRESS", "OCV")) {
            as("operator1").body("{}").post(API + "/lots/" + lot + "/operations/" + op + "/start").then()
                    .statusCode(200);
            as("operator1").body("{}").post(API + "/lots/" + lot + "/operations/" + op + "/complete").then()
                    .statusCode(200);
        }
        as("operator1").get(API + "/lots/" + lot).then().body("state", equalTo("READY"));
        return lot;
    }

    static String approval(String decision) {
        return """
                {"decision":"%s","meaning":"approved for release","reason":"all checks passed"}""".formatted(decision);
    }

    @Test
    void releasingAWorkOrderCreatesLotsAndPublishesTheEventsAfterCommit() {
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/work-orders/+")) {
            String product = productWithReleasedRouting();
            String lot = releasedLot(product);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.received().stream()
                    .anyMatch(m -> m.topic().endsWith("/lot.created") && m.payload().contains(lot)));
            TestMqtt.Received created = events.received().stream()
                    .filter(m -> m.topic().endsWith("/lot.created") && m.payload().contains(lot)).findFirst()
                    .orElseThrow();
            assertTrue(created.payload().contains("\"specversion\":\"1.0\""), created.payload());
            assertTrue(created.payload().contains("\"source\":\"/mes/work-orders\""), created.payload());
            assertTrue(created.payload().contains("\"product\":\"" + product + "\""), created.payload());
            assertTrue(events.received().stream().anyMatch(m -> m.topic().endsWith("/routing.released")
                    && m.payload().contains("\"upperLimit\":2.5")), "routing with its limits is published");
        }
    }

    @Test
    void aWorkOrderIsReleasedOnlyOnce() {
        String product = productWithReleasedRouting();
        String number = as("supervisor1").body("{\"product\":\"" + product + "\",\"plannedQuantity\":3}")
                .post(API + "/work-orders").then().statusCode(201).extract().path("number");
        as("supervisor1").post(API + "/work-orders/" + number + "/release").then().statusCode(200);
        as("supervisor1").post(API + "/work-orders/" + number + "/release").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:mes:problem:illegal-transition"))
                .body("detail", containsString("is RELEASED and cannot release; allowed: start, hold, cancel"));
    }

    @Test
    void approvingAnOkLotSignsItAndLeavesAnAuditTrailThatVerifies() {
        String lot = readyLot(productWithReleasedRouting());
        FakeNeighbours.DISPOSITIONS.put(lot, "{\"lot\":\"" + lot + "\",\"ok\":true,\"reasons\":[]}");

        as("supervisor1").body(approval("APPROVE")).post(API + "/lots/" + lot + "/approval").then()
                .statusCode(200).body("state", equalTo("APPROVED"))
                .body("signature.printedName", equalTo("Test supervisor1"))
                .body("signature.meaning", equalTo("approved for release"));
        assertTrue(FakeNeighbours.AUTHORIZATION_SEEN.get(lot).startsWith("Bearer "),
                "quality is asked with the supervisor's token");
        as("operator1").get(API + "/lots/" + lot).then().body("state", equalTo("APPROVED"));

        as("auditor1").get(API + "/audit?entityType=lot&entityId=" + lot).then().statusCode(200)
                .body("items.action", hasItems("lot.created", "operation.completed", "signature.signed"))
                .body("items[-1].action", equalTo("lot.approved"))
                .body("items[-1].actorName", equalTo("supervisor1"))
                .body("items[-1].reason", equalTo("all checks passed"));
        as("auditor1").get(API + "/audit/verification").then().statusCode(200).body("valid", equalTo(true));
        // decided once: a second decision is a conflict
        as("supervisor1").body(approval("REJECT")).post(API + "/lots/" + lot + "/approval").then().statusCode(409)
                .body("type", equalTo("urn:mes:problem:lot-already-decided"));
    }

    @Test
    void approvalIsRefusedWithQualitysReasonsWhenTheLotIsNotOkAndNothingIsPublished() {
        String lot = readyLot(productWithReleasedRouting());
        FakeNeighbours.DISPOSITIONS.put(lot,
                "{\"lot\":\"" + lot + "\",\"ok\":false,\"reasons\":[\"cell C1: OCV 2.9 V above 2.5 V\"]}");
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/work-orders/+")) {
            as("supervisor1").body(approval("APPROVE")).post(API + "/lots/" + lot + "/approval").then()
                    .statusCode(409).body("type", equalTo("urn:mes:problem:lot-not-ok"))
                    .body("reasons", contains("cell C1: OCV 2.9 V above 2.5 V"));
            as("supervisor1").get(API + "/lots/" + lot).then().body("state", equalTo("READY"));
            as("auditor1").get(API + "/audit?entityType=lot&entityId=" + lot).then()
                    .body("items.action", not(hasItem("signature.signed")));
            // the outbox sends in commit order: once the later rejection arrives, an approval would have too
            as("supervisor1").body(approval("REJECT")).post(API + "/lots/" + lot + "/approval").then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.received().stream()
                    .anyMatch(m -> m.topic().endsWith("/lot.rejected") && m.payload().contains(lot)));
            assertTrue(events.received().stream()
                    .noneMatch(m -> m.topic().endsWith("/lot.approved") && m.payload().contains(lot)),
                    "a refused approval publishes no lot.approved");
        }
    }

    @Test
    void approvalFailsClosedWhenQualityCannotAnswer() {
        String lot = readyLot(productWithReleasedRouting());
        FakeNeighbours.DISPOSITIONS.put(lot, "DOWN");
        as("supervisor1").body(approval("APPROVE")).post(API + "/lots/" + lot + "/approval").then()
                .statusCode(503).body("type", equalTo("urn:mes:problem:quality-unavailable"));
        as("supervisor1").get(API + "/lots/" + lot).then().body("state", equalTo("READY"));
    }

    @Test
    void aLotIsApprovedOnlyOnceItsLastOperationIsDone() {
        String lot = releasedLot(productWithReleasedRouting());
        FakeNeighbours.DISPOSITIONS.put(lot, "{\"lot\":\"" + lot + "\",\"ok\":true,\"reasons\":[]}");
        as("supervisor1").body(approval("APPROVE")).post(API + "/lots/" + lot + "/approval").then()
                .statusCode(409).body("type", equalTo("urn:mes:problem:lot-not-ready"))
                .body("detail", containsString("is CREATED"));
    }

    @Test
    void rejectingNeedsNoQualityAnswerButASignature() {
        String lot = releasedLot(productWithReleasedRouting());
        as("supervisor1").body("""
                {"decision":"REJECT","meaning":"rejected","reason":"press fault during lot"}""")
                .post(API + "/lots/" + lot + "/approval").then().statusCode(200).body("state", equalTo("REJECTED"));
    }

    @Test
    void aSignatureNeedsAFreshLogin() {
        String lot = readyLot(productWithReleasedRouting());
        FakeNeighbours.DISPOSITIONS.put(lot, "{\"lot\":\"" + lot + "\",\"ok\":true,\"reasons\":[]}");
        given().auth().oauth2(TestTokens.loggedInAgo("supervisor1", Duration.ofMinutes(20)))
                .contentType(ContentType.JSON).body(approval("APPROVE"))
                .post(API + "/lots/" + lot + "/approval").then().statusCode(401)
                .body("type", equalTo("urn:mes:problem:signature-stale-authentication"));
        as("supervisor1").get(API + "/lots/" + lot).then().body("state", equalTo("READY"));
    }

    @Test
    void rolesAreCheckedOnEveryEndpoint() {
        String lot = releasedLot(productWithReleasedRouting());
        as("operator1").body(approval("APPROVE")).post(API + "/lots/" + lot + "/approval").then().statusCode(403)
                .contentType("application/problem+json");
        as("auditor1").body("{\"code\":\"X1\",\"name\":\"x\",\"stage\":\"SAMPLE\",\"nominalCapacityAh\":1}")
                .post(API + "/products").then().statusCode(403);
        given().get(API + "/products").then().statusCode(401);
        given().auth().oauth2("not-a-token").get(API + "/products").then().statusCode(401);
    }

    @Test
    void badInputIsRefusedWithEveryFieldAndChangesNothing() {
        long before = as("admin1").get(API + "/products").then().extract().jsonPath().getLong("total");
        as("admin1").body("{\"code\":\"bad code!\",\"name\":\"\",\"stage\":\"SAMPLE\",\"nominalCapacityAh\":-1}")
                .post(API + "/products").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:mes:problem:validation"))
                .body("errors.field", contains("code", "name", "nominalCapacityAh"));
        as("admin1").body("{\"code\":\"X2\",\"stage\":\"HUGE\"}").post(API + "/products").then().statusCode(400)
                .contentType("application/problem+json");
        as("admin1").body("{not json").post(API + "/products").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:malformed-json"));
        long after = as("admin1").get(API + "/products").then().extract().jsonPath().getLong("total");
        assertEquals(before, after);
    }

    @Test
    void aReleasedRoutingIsFrozenAndAWorkOrderKeepsItsSnapshot() {
        String product = productWithReleasedRouting();
        String number = as("supervisor1").body("{\"product\":\"" + product + "\",\"plannedQuantity\":1}")
                .post(API + "/work-orders").then().statusCode(201).body("routingVersion", equalTo(1))
                .extract().path("number");
        as("admin1").post(API + "/routings/R-" + product + "/versions/1/release").then().statusCode(409)
                .body("type", equalTo("urn:mes:problem:routing-not-draft"));
        as("admin1").body("""
                {"code":"R-%s","product":"%s","operations":[{"sequence":10,"code":"STACK","name":"Stacking v2"}]}"""
                .formatted(product, product)).post(API + "/routings").then().statusCode(201)
                .body("version", equalTo(2));
        as("admin1").post(API + "/routings/R-" + product + "/versions/2/release").then().statusCode(200);
        as("auditor1").get(API + "/routings/R-" + product + "/versions").then()
                .body("status", contains("OBSOLETE", "RELEASED"));
        as("auditor1").get(API + "/work-orders/" + number).then().body("routingVersion", equalTo(1));
    }

    @Test
    void theServiceDocumentsItselfAndReportsHealthAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem(API + "/lots/{lot}/approval"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("mqtt"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
