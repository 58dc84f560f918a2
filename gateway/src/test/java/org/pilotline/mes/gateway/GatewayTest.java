package org.pilotline.mes.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.OidcTestResource;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(EchoServiceResource.class)
class GatewayTest {

    @Test
    void forwardsPathQueryBodyAndTheCallersTokenAndName() {
        String token = TestTokens.of("supervisor1");
        given().auth().oauth2(token).contentType("application/json").header("X-Request-Id", "r-42")
                .body("{\"product\":\"CELL-1AH\"}")
                .post("/api/work-orders/work-orders?dryRun=true").then().statusCode(201)
                .header("Location", equalTo("/api/work-orders/products/X"))
                .body("method", equalTo("POST")).body("path", equalTo("/api/work-orders/work-orders"))
                .body("query", equalTo("dryRun=true")).body("authorization", equalTo("Bearer " + token))
                .body("user", equalTo("supervisor1")).body("requestId", equalTo("r-42"))
                .body("body", equalTo("{'product':'CELL-1AH'}"));
    }

    @Test
    void refusesCallsWithoutAValidRealmToken() {
        given().get("/api/work-orders/products").then().statusCode(401);
        given().auth().oauth2("garbage").get("/api/work-orders/products").then().statusCode(401);
    }

    @Test
    void unknownServicesAndDeadServicesGetProblems() {
        given().auth().oauth2(TestTokens.of("operator1")).get("/api/payroll/salaries").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:mes:problem:unknown-service"));
        given().auth().oauth2(TestTokens.of("operator1")).get("/api/quality/lots/L1/disposition").then()
                .statusCode(502).body("type", equalTo("urn:mes:problem:service-unavailable"))
                .body("detail", startsWith("Service 'quality' cannot be reached"));
    }

    @Test
    void reportsHealth() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
