package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.systemtests.Probes.READS;
import static org.pilotline.mes.systemtests.Probes.get;

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

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        plant = Plant.get();
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
