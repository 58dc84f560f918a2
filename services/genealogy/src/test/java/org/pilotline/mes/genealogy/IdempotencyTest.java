package org.pilotline.mes.genealogy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.genealogy.Plant.API;
import static org.pilotline.mes.genealogy.Plant.as;
import static org.pilotline.mes.genealogy.Plant.unique;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An operator's booking repeated after a dropped answer takes the material once. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class IdempotencyTest {

    @Test
    void aConsumptionRepeatedWithTheSameKeyIsBookedOnce() {
        String lot = unique("NCM"), into = unique("WO-LOT"), key = unique("tablet-7");
        Plant.receive(lot, "NCM811", "10", "kg", "Cathode AG");
        String body = "{\"quantity\":2.5,\"unit\":\"kg\",\"lot\":\"" + into + "\",\"operation\":\"MIX\"}";
        Response first = as("operator1").header("Idempotency-Key", key).body(body)
                .post(API + "/material-lots/" + lot + "/consumptions");
        first.then().statusCode(200).body("quantity", equalTo(7.5f)).header("Idempotency-Replayed", nullValue());
        Response again = as("operator1").header("Idempotency-Key", key).body(body)
                .post(API + "/material-lots/" + lot + "/consumptions");
        again.then().statusCode(200).header("Idempotency-Replayed", "true").body("quantity", equalTo(7.5f));
        assertEquals(first.asString(), again.asString());

        as("auditor1").get(API + "/material-lots/" + lot).then().body("quantity", equalTo(7.5f));
        as("auditor1").get(API + "/audit?entityType=material-lot&entityId=" + lot).then()
                .body("items.findAll { it.action == 'material-lot.consumed' }.size()", equalTo(1));
        as("auditor1").get(API + "/material-lots/" + lot + "/trace/forward").then()
                .body("productionLots.size()", equalTo(1));
        as("operator1").header("Idempotency-Key", key).body(body.replace("2.5", "3"))
                .post(API + "/material-lots/" + lot + "/consumptions").then().statusCode(422)
                .body("type", equalTo("urn:mes:problem:idempotency-key-reused"));
    }
}
