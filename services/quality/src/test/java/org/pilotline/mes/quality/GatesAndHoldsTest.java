package org.pilotline.mes.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.quality.QualityEvents.lotWithCells;
import static org.pilotline.mes.quality.QualityEvents.ocv;
import static org.pilotline.mes.quality.QualityEvents.unique;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Gates and holds: what work-orders asks before the next operation starts, and what approval sees. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class GatesAndHoldsTest {

    private static final String API = "/api/quality";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user));
    }

    private static ValidatableResponse gate(String lot, String operation, String cell) {
        return as("operator1").get(API + "/lots/" + lot + "/gates/" + operation + (cell == null ? "" : "?cell=" + cell))
                .then().statusCode(200);
    }

    private static ValidatableResponse clearance(String lot, String query) {
        return as("operator1").get(API + "/lots/" + lot + "/clearance?" + query).then().statusCode(200);
    }

    private static long placeHold(String itemType, String itemId, String reason) {
        return as("quality1").contentType("application/json")
                .body("{\"itemType\":\"%s\",\"itemId\":\"%s\",\"reason\":\"%s\"}".formatted(itemType, itemId, reason))
                .post(API + "/holds").then().statusCode(201).body("open", equalTo(true)).extract().jsonPath()
                .getLong("id");
    }

    private static String release(long hold, String token) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"meaning\":\"released after re-inspection\",\"reason\":\"OCV re-measured in limits\"}")
                .post(API + "/holds/" + hold + "/release").then().extract().asString();
    }

    @Test
    void aGateIsPendingUntilMeasuredFailsOnAFailedCellAndPassesWithoutCharacteristics() {
        String c1 = unique("C"), c2 = unique("C");
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, unique("P"), c1, c2);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> gate(lot, "OCV", null)
                .body("status", equalTo("PENDING"))
                .body("reasons[0].detail", equalTo("OCV: OCV not measured on 2 of 2 cells, e.g. " + List.of(c1, c2)
                        .stream().sorted().findFirst().orElseThrow())));
        gate(lot, "STACK", null).body("status", equalTo("PASS")).body("reasons", empty());
        clearance(lot, "after=OCV").body("clear", equalTo(false)).body("reasons.code", contains("gate-pending"));
        clearance(lot, "after=STACK").body("clear", equalTo(true));
        clearance(lot, "cell=" + c1).body("clear", equalTo(true)); // the first operation has no gate before it

        try (TestMqtt mqtt = TestMqtt.connect()) {
            ocv(mqtt, c1, "2.2");
            ocv(mqtt, c2, "2.9");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> gate(lot, "OCV", null)
                .body("status", equalTo("FAIL")).body("reasons.code", contains("gate-failed"))
                .body("reasons[0].detail", equalTo("OCV: cell " + c2 + ": OCV 2.9 V above upper limit 2.5 V")));
        gate(lot, "OCV", c1).body("status", equalTo("PASS"));
        clearance(lot, "after=OCV&cell=" + c1).body("clear", equalTo(true));
        clearance(lot, "after=OCV&cell=" + c2).body("clear", equalTo(false))
                .body("reasons.code", contains("gate-failed"));
    }

    @Test
    void aLotQualityHasNeverHeardOfIsPendingNotClear() {
        clearance("NOPE-7", "after=OCV").body("clear", equalTo(false))
                .body("reasons[0].detail", equalTo("quality has no record of lot NOPE-7 yet"));
    }

    @Test
    void aHoldBlocksTheNextOperationAndApprovalUntilReleasedUnderSignature() {
        String c1 = unique("C"), c2 = unique("C");
        String lot;
        try (TestMqtt mqtt = TestMqtt.connect()) {
            lot = lotWithCells(mqtt, unique("P"), c1, c2);
            ocv(mqtt, c1, "2.2");
            ocv(mqtt, c2, "2.3");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("supervisor1")
                .get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(true)));
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/quality/+")) {
            long hold = placeHold("CELL", c1, "swelling seen after sealing");
            clearance(lot, "after=OCV&cell=" + c1).body("clear", equalTo(false))
                    .body("reasons.code", contains("on-hold"))
                    .body("reasons[0].detail", containsString("on cell " + c1))
                    .body("reasons[0].detail", containsString("swelling seen after sealing"));
            clearance(lot, "after=OCV&cell=" + c2).body("clear", equalTo(true));
            clearance(lot, "after=OCV").body("clear", equalTo(false)); // the lot moves with its held cell
            as("supervisor1").get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(false))
                    .body("reasons[0]", containsString("swelling seen after sealing"));

            assertEquals(403, given().auth().oauth2(TestTokens.of("supervisor1")).contentType("application/json")
                    .body("{\"meaning\":\"m\",\"reason\":\"r\"}").post(API + "/holds/" + hold + "/release")
                    .statusCode());
            String stale = release(hold, TestTokens.loggedInAgo("quality1", Duration.ofMinutes(10)));
            assertEquals("urn:mes:problem:signature-stale-authentication", JsonPath.from(stale).getString("type"));
            as("operator1").get(API + "/holds/" + hold).then().body("open", equalTo(true));

            JsonPath released = JsonPath.from(release(hold, TestTokens.of("quality1")));
            assertEquals(false, released.getBoolean("open"));
            assertEquals("OCV re-measured in limits", released.getString("releaseReason"));
            String again = release(hold, TestTokens.of("quality1"));
            assertEquals("urn:mes:problem:hold-not-open", JsonPath.from(again).getString("type"));

            clearance(lot, "after=OCV").body("clear", equalTo(true));
            as("supervisor1").get(API + "/lots/" + lot + "/disposition").then().body("ok", equalTo(true));
            as("auditor1").get(API + "/holds?itemType=CELL&itemId=" + c1).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].releaseSignature", notNullValue());
            as("auditor1").get(API + "/audit?entityType=hold&entityId=" + hold).then().statusCode(200)
                    .body("items.action", hasItems("hold.placed", "signature.signed", "hold.released"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.received().stream()
                    .filter(m -> m.payload().contains(c1)).count() == 2);
            assertEquals(List.of("mes/v1/events/quality/hold.placed", "mes/v1/events/quality/hold.released"),
                    events.received().stream().filter(m -> m.payload().contains(c1)).map(TestMqtt.Received::topic)
                            .toList());
        }
    }

    @Test
    void aHoldOnTheStationBlocksStartsThere() {
        long hold = placeHold("EQUIPMENT", "PRESS-01", "pressure transducer drift under investigation");
        clearance("ANY-LOT", "equipment=PRESS-01").body("clear", equalTo(false))
                .body("reasons.code", everyItem(equalTo("on-hold")))
                .body("reasons.detail", hasItem(containsString("pressure transducer drift")));
        release(hold, TestTokens.of("quality1"));
        clearance("ANY-LOT", "equipment=PRESS-01").body("clear", equalTo(true));
    }

    @Test
    void badHoldRequestsAreRefusedAndChangeNothing() {
        String item = unique("C");
        as("quality1").contentType("application/json")
                .body("{\"itemType\":\"PALLET\",\"itemId\":\"" + item + "\",\"reason\":\"x\"}").post(API + "/holds")
                .then().statusCode(400);
        as("quality1").contentType("application/json")
                .body("{\"itemType\":\"CELL\",\"itemId\":\"" + item + "\"}").post(API + "/holds").then().statusCode(400);
        as("operator1").contentType("application/json")
                .body("{\"itemType\":\"CELL\",\"itemId\":\"" + item + "\",\"reason\":\"x\"}").post(API + "/holds")
                .then().statusCode(403);
        as("quality1").contentType("application/json").post(API + "/holds/999999999/release").then().statusCode(400);
        assertEquals(404, JsonPath.from(release(999999999L, TestTokens.of("quality1"))).getInt("status"));
        as("auditor1").get(API + "/holds?itemId=" + item).then().statusCode(200).body("total", equalTo(0));
    }
}
