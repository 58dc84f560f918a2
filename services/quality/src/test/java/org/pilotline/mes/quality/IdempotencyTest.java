package org.pilotline.mes.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.quality.QualityEvents.lotWithCells;
import static org.pilotline.mes.quality.QualityEvents.unique;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A measurement typed in at a station and sent again after a dropped answer is recorded once. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class IdempotencyTest {

    private static final String API = "/api/quality";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType("application/json");
    }

    @Test
    void aManualMeasurementSentTwiceWithTheSameKeyIsRecordedOnce() {
        String product = unique("P"), cell = unique("C"), key = unique("tablet");
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lotWithCells(mqtt, product, cell);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200));
        String entry = "{\"characteristic\":\"OCV\",\"value\":2.21,\"unit\":\"V\",\"cell\":\"" + cell + "\"}";
        Response first = as("quality1").header("Idempotency-Key", key).body(entry).post(API + "/measurements");
        first.then().statusCode(201).body("verdict", equalTo("PASS")).header("Idempotency-Replayed", nullValue());
        Response again = as("quality1").header("Idempotency-Key", key).body(entry).post(API + "/measurements");
        again.then().statusCode(201).header("Idempotency-Replayed", "true");
        assertEquals(first.asString(), again.asString());
        assertEquals(first.header("Location"), again.header("Location"));
        as("auditor1").get(API + "/measurements?cell=" + cell).then().body("total", equalTo(1));
    }
}
