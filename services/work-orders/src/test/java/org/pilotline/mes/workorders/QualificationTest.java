package org.pilotline.mes.workorders;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class QualificationTest {

    private static final String API = "/api/work-orders";

    /** A released lot whose first operation requires the given qualification. */
    private static String lotRequiring(String qualification) {
        String product = "Q-" + UUID.randomUUID().toString().substring(0, 8);
        WorkOrdersTest.as("admin1").body("""
                {"code":"%s","name":"q","stage":"SAMPLE","nominalCapacityAh":1}""".formatted(product))
                .post(API + "/products").then().statusCode(201);
        WorkOrdersTest.as("admin1").body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"WIP","name":"Pressing","qualification":"%s"}]}"""
                .formatted(product, product, qualification)).post(API + "/routings").then().statusCode(201);
        WorkOrdersTest.as("admin1").post(API + "/routings/R-" + product + "/versions/1/release").then().statusCode(200);
        return WorkOrdersTest.releasedLot(product);
    }

    private static io.restassured.response.ValidatableResponse start(String user, String lot) {
        return WorkOrdersTest.as(user).body("{}").post(API + "/lots/" + lot + "/operations/WIP/start").then();
    }

    @Test
    void anOperatorWithoutTheQualificationIsRefusedWithTheReason() {
        String q = "PRESS_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String lot = lotRequiring(q);
        start("operator1", lot).statusCode(409).body("type", equalTo("urn:mes:problem:operator-not-qualified"))
                .body("detail", equalTo("operator1 holds no valid " + q + " qualification, which this operation requires"));

        WorkOrdersTest.as("supervisor1").body("""
                {"user":"operator1","qualification":"%s","validUntil":"%s"}""".formatted(q, LocalDate.now().minusDays(1)))
                .post(API + "/qualifications").then().statusCode(201);
        start("operator1", lot).statusCode(409); // expired yesterday

        int id = WorkOrdersTest.as("supervisor1").body("""
                {"user":"operator1","qualification":"%s","validUntil":"%s"}""".formatted(q, LocalDate.now().plusYears(1)))
                .post(API + "/qualifications").then().statusCode(201).extract().path("id");
        WorkOrdersTest.as("operator1").get(API + "/qualifications?user=operator1").then()
                .body("items.qualification", hasItem(q));
        start("operator1", lot).statusCode(200);

        WorkOrdersTest.as("supervisor1").delete(API + "/qualifications/" + id).then().statusCode(204);
        String next = lotRequiring(q);
        start("operator1", next).statusCode(409);
        WorkOrdersTest.as("operator1").body("{\"user\":\"operator1\",\"qualification\":\"" + q + "\"}")
                .post(API + "/qualifications").then().statusCode(403);
    }
}
