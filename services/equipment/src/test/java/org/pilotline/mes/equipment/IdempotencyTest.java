package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A limit set twice with the same Idempotency-Key is set once; the limit in force is the one that committed. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class IdempotencyTest {

    private static final String API = "/api/equipment";

    private static Response putLimit(String key, String body) {
        return given().auth().oauth2(TestTokens.of("quality1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).put(API + "/environment/limits/GLOVEBOX-01/h2sPpm");
    }

    private static long limitChanges() {
        return given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/audit?entityType=equipment&entityId=GLOVEBOX-01&size=500").then().statusCode(200)
                .extract().jsonPath().getList("items.action").stream()
                .filter(a -> a.toString().startsWith("environment-limit.")).count();
    }

    @Test
    void aLimitPutTwiceWithTheSameKeyIsSetOnceAndJudgesTheNextReading() {
        long before = limitChanges();
        String key = UUID.randomUUID().toString();
        String body = "{\"upper\":5,\"reason\":\"H2S alarm level of the glovebox\"}";
        Response first = putLimit(key, body);
        first.then().statusCode(200).body("upper", equalTo(5.0f)).header("Idempotency-Replayed", nullValue());
        Response again = putLimit(key, body);
        again.then().statusCode(200).header("Idempotency-Replayed", "true");
        assertEquals(first.asString(), again.asString());
        assertEquals(before + 1, limitChanges(), "one change in the audit trail");

        putLimit(UUID.randomUUID().toString(), "{\"upper\":1,\"reason\":\"tighter\"}").then().statusCode(200);
        try (TestMqtt box = TestMqtt.connect()) {
            box.publish("mes/v1/pilot/electrolyte/L1/GLOVEBOX-01/data", """
                    {"eventId":"%s","ts":"2026-11-16T08:00:00Z","values":{"h2sPpm":2.0}}""".formatted(UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/environment/excursions?equipment=GLOVEBOX-01&from=2026-11-16T00:00:00Z"
                        + "&to=2026-11-17T00:00:00Z")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].tag", equalTo("h2sPpm"))
                .body("[0].upper", equalTo(1.0f)));
    }
}
