package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.localplant.OidcLogin;

/**
 * PostgreSQL goes down under the running plant and comes back: meanwhile every service's readiness says DOWN and a
 * caller gets a 503 problem to retry, not a hang and not a 500; afterwards everything answers again without a
 * restart of any service.
 */
class DatabaseOutageIT {

    /** A read of each service that needs its database. */
    private static final Map<String, String> READS = Map.of(
            "work-orders", "/api/work-orders/work-orders",
            "equipment", "/api/equipment/equipment",
            "genealogy", "/api/genealogy/material-lots",
            "quality", "/api/quality/holds");

    private static Plant plant;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startThePlant() throws Exception {
        plant = Plant.get();
    }

    /** The answer, or a failure when none comes within 15 s: a hang is what this test is about. */
    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withTheDatabaseDownReadinessSaysSoAndCallersGetA503ThenAllRecovers() throws Exception {
        String token = OidcLogin.accessToken(plant.keycloak.issuer(), "supervisor1", "supervisor1");
        for (String read : READS.values()) {
            assertEquals(200, get(plant.gateway + read, token).statusCode(), read);
        }
        plant.postgres.stopFast();
        try {
            for (Map.Entry<String, String> s : READS.entrySet()) {
                String ready = plant.services.get(s.getKey()) + "/q/health/ready";
                await().atMost(Duration.ofSeconds(30)).until(() -> get(ready, null).statusCode() == 503);
                HttpResponse<String> answer = get(plant.gateway + s.getValue(), token);
                assertEquals(503, answer.statusCode(), s.getKey() + ": " + answer.body());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        s.getKey());
                assertTrue(answer.body().contains("urn:mes:problem:unavailable"), answer.body());
                assertTrue(answer.headers().firstValue("Retry-After").isPresent(), s.getKey());
            }
        } finally {
            plant.postgres.start();
        }
        for (Map.Entry<String, String> s : READS.entrySet()) {
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> get(plant.services.get(s.getKey()) + "/q/health/ready", null).statusCode() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> get(plant.gateway + s.getValue(), token)
                    .statusCode() == 200);
        }
        given().baseUri(plant.gateway).get("/q/health/ready").then().statusCode(200);
    }
}
