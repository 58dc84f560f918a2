package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * OEE against a shift computed by hand. The leak tester, ideal cycle 60 s, from 08:00 to 16:00 (480 min):
 * <pre>
 * 08:00 EXECUTE  120 min run          12:00 IDLE in MAINTENANCE mode 30 min (planned downtime)
 * 10:00 STOPPED   30 min lost         12:30 EXECUTE 150 min run
 * 10:30 EXECUTE   90 min run          15:00 SUSPENDED 20 min lost     15:20 EXECUTE 40 min run
 * planned = 480 - 30 = 450 min, run = 400 min         availability = 400 / 450       = 0.888889
 * units 350 (336 good, 14 scrap), ideal 350 min       performance  = 350 / 400       = 0.875
 *                                                     quality      = 336 / 350       = 0.96
 *                                                     OEE          = 0.888889 x 0.875 x 0.96 = 0.746667
 * </pre>
 * States before 08:00 and after 16:00, and units outside the shift, must not count.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class OeeTest {

    private static final String API = "/api/equipment";
    private static final String LEAK = "mes/v1/pilot/assembly/L1/LEAK-01/";
    private static final String SHIFT = "from=2026-11-16T08:00:00Z&to=2026-11-16T16:00:00Z";

    @Test
    void oeeOfAShiftMatchesTheHandComputedFiguresAndNamesItsLosses() {
        given().auth().oauth2(TestTokens.of("admin1")).contentType(ContentType.JSON).body("""
                {"name":"Leak and H2S tester","equipmentClass":"LEAK_TESTER","site":"pilot","area":"assembly",
                 "line":"L1","idealCycleSeconds":60,"reason":"measured on the new fixture"}""")
                .put(API + "/equipment/LEAK-01").then().statusCode(200);
        String[][] states = { { "07:30", "IDLE", "PRODUCTION" }, { "08:00", "EXECUTE", "PRODUCTION" },
                { "10:00", "STOPPED", "PRODUCTION" }, { "10:30", "EXECUTE", "PRODUCTION" },
                { "12:00", "IDLE", "MAINTENANCE" }, { "12:30", "EXECUTE", "PRODUCTION" },
                { "15:00", "SUSPENDED", "PRODUCTION" }, { "15:20", "EXECUTE", "PRODUCTION" },
                { "16:30", "STOPPED", "PRODUCTION" } };
        String lot = "LOT-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestMqtt machine = TestMqtt.connect()) {
            for (String[] s : states) {
                machine.publish(LEAK + "state", """
                        {"eventId":"%s","ts":"2026-11-16T%s:00Z","state":"%s","mode":"%s"}"""
                        .formatted(UUID.randomUUID(), s[0], s[1], s[2]));
            }
            // 330 good and 12 scrap reported for the lot, 8 cells one by one of which 2 NG, 100 after the shift
            machine.publish(LEAK + "event", """
                    {"eventId":"%s","ts":"2026-11-16T11:00:00Z","type":"unit.completed","operation":"LEAK",
                     "lot":"%s","parameters":{"good":330,"scrap":12}}""".formatted(UUID.randomUUID(), lot));
            for (int i = 0; i < 8; i++) {
                machine.publish(LEAK + "event", """
                        {"eventId":"%s","ts":"2026-11-16T14:0%d:00Z","type":"unit.completed","operation":"LEAK",
                         "cell":"C-%s-%d","parameters":{"result":"%s"}}""".formatted(UUID.randomUUID(), i, lot, i,
                        i < 2 ? "NG" : "OK"));
            }
            machine.publish(LEAK + "event", """
                    {"eventId":"%s","ts":"2026-11-16T17:00:00Z","type":"unit.completed","operation":"LEAK",
                     "lot":"%s","parameters":{"good":100}}""".formatted(UUID.randomUUID(), lot));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> oee("/oee/equipment/LEAK-01?" + SHIFT).getLong("good") == 336);
        JsonPath oee = oee("/oee/equipment/LEAK-01?" + SHIFT);
        assertEquals(27000, oee.getLong("plannedSeconds"));
        assertEquals(24000, oee.getLong("runSeconds"));
        assertEquals(1800, oee.getLong("plannedDowntimeSeconds"));
        assertEquals(0, oee.getLong("unreportedSeconds"));
        assertEquals(14, oee.getLong("scrap"));
        assertEquals(400.0 / 450, oee.getDouble("availability"), 1e-6);
        assertEquals(0.875, oee.getDouble("performance"), 1e-6);
        assertEquals(0.96, oee.getDouble("quality"), 1e-6);
        assertEquals(0.746667, oee.getDouble("oee"), 1e-6);
        List<Map<String, Object>> losses = oee.getList("losses");
        assertEquals(List.of(Map.of("category", "availability", "cause", "STOPPED", "seconds", 1800),
                Map.of("category", "availability", "cause", "SUSPENDED", "seconds", 1200),
                Map.of("category", "performance", "cause", "slower than the ideal cycle", "seconds", 3000),
                Map.of("category", "quality", "cause", "scrap", "seconds", 840)), losses);

        // the assembly line had no other machine reporting in that shift: its OEE is the leak tester's
        JsonPath line = oee("/oee/lines/pilot/assembly/L1?" + SHIFT);
        assertEquals(0.746667, line.getDouble("line.oee"), 1e-6);
        assertEquals("pilot/assembly/L1", line.getString("line.scope"));
    }

    @Test
    void aMachineThatRanButReportedNoUnitsHasAnAvailabilityButNoPerformance() {
        try (TestMqtt machine = TestMqtt.connect()) {
            machine.publish("mes/v1/pilot/assembly/L1/SEAL-01/state", """
                    {"eventId":"%s","ts":"2026-10-05T08:00:00Z","state":"EXECUTE","mode":"PRODUCTION"}"""
                    .formatted(UUID.randomUUID()));
        }
        String range = "?from=2026-10-05T08:00:00Z&to=2026-10-05T09:00:00Z";
        await().atMost(Duration.ofSeconds(10)).until(() -> oee("/oee/equipment/SEAL-01" + range).getLong("runSeconds") == 3600);
        JsonPath oee = oee("/oee/equipment/SEAL-01" + range);
        assertEquals(1.0, oee.getDouble("availability"), 1e-6);
        assertNull(oee.get("performance"), "no unit counts: unknown, not 0");
        assertNull(oee.get("oee"));
        assertEquals(List.of(), oee.getList("losses"));
    }

    @Test
    void withoutStatesOrUnitsTheFactorsAreUnknownNotZero() {
        JsonPath oee = oee("/oee/equipment/SLIT-01?from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z");
        assertNull(oee.get("oee"));
        assertNull(oee.get("availability"));
        assertEquals(86400, oee.getLong("unreportedSeconds"));
        given().auth().oauth2(TestTokens.of("operator1")).get(API + "/oee/equipment/SLIT-01?from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.of("operator1")).get(API + "/oee/lines/pilot/nowhere/L9").then().statusCode(404);
    }

    private static JsonPath oee(String path) {
        return given().auth().oauth2(TestTokens.of("supervisor1")).get(API + path).then().statusCode(200).extract()
                .jsonPath();
    }
}
