package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile input over MQTT, as a broken PLC or an attacker with a machine's topic would send it: each message is
 * dead-lettered with a reason and counted, nothing of it is stored, and ingest flows on for the good message that
 * follows. (What the broker refuses outright, a packet over 1 MB or a topic outside an account's rules, never reaches
 * the service: see BrokerAccessTest.)
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class HostileMqttTest {

    private static final String API = "/api/equipment";
    /** A machine of this test's own, so that its states do not disturb the other tests'. */
    private static final String MACHINE = "HOSTILE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String PRESS = "mes/v1/pilot/assembly/L1/" + MACHINE + "/";

    private static long deadLetters() {
        return given().auth().oauth2(TestTokens.of("admin1")).get(API + "/dead-letters").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Hostile messages, each with the start of the reason it must be dead-lettered with. */
    private static Map<String, Hostile> cases() {
        String good = "{\"eventId\":\"%s\",\"ts\":\"2026-12-03T08:00:00Z\",\"state\":\"IDLE\",\"mode\":\"PRODUCTION\"}";
        Map<String, Hostile> cases = new LinkedHashMap<>();
        cases.put("truncated JSON", new Hostile(PRESS + "state", utf8("{\"eventId\":\"x\",\"ts\":\"2026-"),
                "malformed"));
        cases.put("binary", new Hostile(PRESS + "data", new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80 },
                "malformed"));
        cases.put("UTF-16 JSON", new Hostile(PRESS + "state",
                good.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_16), "malformed"));
        cases.put("Latin-1 text", new Hostile(PRESS + "alarm", ("{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"ts\":\"2026-12-03T08:00:00Z\",\"code\":\"T\",\"severity\":\"LOW\",\"active\":true,"
                + "\"text\":\"Temp\u00e9rature \u00e9lev\u00e9e\"").getBytes(StandardCharsets.ISO_8859_1),
                "malformed"));
        cases.put("NUL and lone surrogate in the id", new Hostile(PRESS + "state",
                utf8(good.formatted("bad\\u0000id\\ud800")), "malformed"));
        cases.put("array for an object", new Hostile(PRESS + "data", utf8("[{\"values\":{}}]"), "malformed"));
        cases.put("deeply nested", new Hostile(PRESS + "data", utf8("[".repeat(5000) + "]".repeat(5000)),
                "malformed"));
        cases.put("900 kB string", new Hostile(PRESS + "state", utf8("{\"eventId\":\"" + "x".repeat(900_000)
                + "\",\"ts\":\"2026-12-03T08:00:00Z\",\"state\":\"IDLE\"}"), "malformed"));
        cases.put("unknown channel", new Hostile(PRESS + "firmware", utf8(good.formatted(UUID.randomUUID())), ""));
        cases.put("odd topic level", new Hostile("mes/v1/pilot/assembly/L1/" + MACHINE + " 2/state",
                utf8(good.formatted(UUID.randomUUID())), ""));
        cases.put("protobuf garbage", new Hostile("spBv1.0/pilot/NDATA/EDGE-HOSTILE",
                new byte[] { 0x08, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x12, 0x7f, 0x01 }, ""));
        cases.put("JSON on Sparkplug", new Hostile("spBv1.0/pilot/DBIRTH/EDGE-HOSTILE/" + MACHINE,
                utf8("{\"metrics\":[]}"), ""));
        return cases;
    }

    private record Hostile(String topic, byte[] payload, String reasonStart) {
    }

    @Test
    void everyHostileMessageIsDeadLetteredWithItsReasonAndIngestFlowsOn() {
        given().auth().oauth2(TestTokens.of("admin1")).contentType("application/json").body("""
                {"name":"Hostile input target","equipmentClass":"ISOSTATIC_PRESS","site":"pilot","area":"assembly",
                 "line":"L1"}""").put(API + "/equipment/" + MACHINE).then().statusCode(200);
        Map<String, Hostile> cases = cases();
        long before = deadLetters();
        String goodId = MACHINE + "-" + UUID.randomUUID();
        try (TestMqtt machine = TestMqtt.connect()) {
            cases.values().forEach(h -> machine.publish(h.topic(), h.payload()));
            // SQL in an id is just an odd id: kept as sent (bind parameters), not a dead letter, nothing dropped
            machine.publish(PRESS + "state", "{\"eventId\":\"'; drop table equipment_message; --\","
                    + "\"ts\":\"2026-12-03T07:59:00Z\",\"state\":\"IDLE\",\"mode\":\"PRODUCTION\"}");
            machine.publish(PRESS + "state", "{\"eventId\":\"" + goodId
                    + "\",\"ts\":\"2026-12-03T08:00:00Z\",\"state\":\"SUSPENDED\",\"mode\":\"PRODUCTION\"}");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("operator1"))
                .get(API + "/equipment/" + MACHINE).then().body("state", equalTo("SUSPENDED")));
        // the good message came after the hostile ones, on one connection, so they have all been handled
        List<Map<String, String>> letters = given().auth().oauth2(TestTokens.of("auditor1"))
                .get(API + "/dead-letters?size=" + cases.size()).then().statusCode(200).extract().jsonPath()
                .getList("items");
        List<String> missing = new ArrayList<>();
        List<Map<String, String>> unmatched = new ArrayList<>(letters);
        cases.forEach((name, h) -> {
            // each hostile message has a dead letter of its own: same topic, and its reason
            var letter = unmatched.stream().filter(l -> l.get("topic").equals(h.topic()) && l.get("reason") != null
                    && !l.get("reason").isBlank() && l.get("reason").startsWith(h.reasonStart())).findFirst();
            letter.ifPresentOrElse(unmatched::remove, () -> missing.add(name));
        });
        assertTrue(missing.isEmpty(), "not dead-lettered with a reason: " + missing + "; dead letters: "
                + letters.stream().map(l -> l.get("topic") + " " + l.get("reason")).toList());
        assertEquals(before + cases.size(), deadLetters(), "one dead letter per hostile message, no more");
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("mes_mqtt_dead_letters_total"));
    }
}
