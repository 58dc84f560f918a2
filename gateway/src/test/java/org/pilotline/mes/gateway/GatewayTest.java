package org.pilotline.mes.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.OidcTestResource;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

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
                .statusCode(503).header("Retry-After", "5").body("type", equalTo("urn:mes:problem:service-unavailable"))
                .body("detail", startsWith("Service 'quality' cannot be reached"));
    }

    @Test
    void noAnswerMayBeFramedRunForeignScriptsOrBeCached() {
        given().auth().oauth2(TestTokens.of("operator1")).get("/api/work-orders/products").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store")) // the service said "public, max-age=3600"
                .header("X-Frame-Options", equalTo("DENY")).header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/auth/logged-out").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Referrer-Policy", equalTo("same-origin")).header("Cache-Control", equalTo("no-store"));
        given().get("/ui-assets/app.css").then().statusCode(200).header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedAtTheGateway() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        // the gateway answers 413 and closes; asking first (100-continue) lets the client read that answer
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + RestAssured.port + "/api/work-orders/work-orders")).expectContinue(true)
                .header("Authorization", "Bearer " + TestTokens.of("supervisor1"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
    }

    @Test
    void reportsHealth() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
