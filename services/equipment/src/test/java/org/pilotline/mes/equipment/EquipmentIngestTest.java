package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class EquipmentIngestTest {

    private static final String API = "/api/equipment";
    private static final String STACKER = "mes/v1/pilot/assembly/L1/STACK-01/";
    private static final String GRADER = "mes/v1/pilot/formation/L1/GRADE-01/";

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static long deadLetters() {
        return given().auth().oauth2(TestTokens.of("admin1")).get(API + "/dead-letters").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    private static List<TestMqtt.Received> eventsAbout(TestMqtt events, String text) {
        return events.received().stream().filter(m -> m.payload().contains(text)).toList();
    }

    @Test
    void aCellAssembledMessageBecomesANormalisedEventOnce() throws Exception {
        String cell = "C-" + id().substring(0, 8);
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/equipment/+");
                TestMqtt machine = TestMqtt.connect()) {
            String msg = """
                    {"eventId":"%s","ts":"2026-11-23T08:00:00Z","type":"cell.assembled","cell":"%s","lot":"WO-1-01",
                     "inputs":[{"materialLot":"CC-1-S1","quantity":0.2,"unit":"m"},
                               {"materialLot":"SE-FILM-7","quantity":0.1,"unit":"m"}],
                     "parameters":{"stackPressureMPa":1.5}}""".formatted(id(), cell);
            machine.publish(STACKER + "event", msg);
            machine.publish(STACKER + "event", msg); // redelivered: processed once
            await().atMost(Duration.ofSeconds(10)).until(() -> !eventsAbout(events, cell).isEmpty());
            Thread.sleep(1500); // time for a wrongly doubled event to show up
            List<TestMqtt.Received> found = eventsAbout(events, cell);
            assertEquals(1, found.size(), "exactly one event for a message delivered twice");
            JsonPath event = JsonPath.from(found.get(0).payload());
            assertEquals("mes/v1/events/equipment/cell.assembled", found.get(0).topic());
            assertEquals("cell.assembled", event.getString("type"));
            assertEquals("/mes/equipment", event.getString("source"));
            assertEquals("STACK-01", event.getString("data.equipment"));
            assertEquals("assembly", event.getString("data.area"), "where the cell was born, for quality's holds");
            assertEquals("L1", event.getString("data.line"));
            assertEquals("SE-FILM-7", event.getString("data.inputs[1].materialLot"));
        }
    }

    @Test
    void anAlarmRaisedAndClearedIsAnnouncedOnceEach() throws Exception {
        String code = "AL-" + id().substring(0, 8);
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/equipment/+");
                TestMqtt machine = TestMqtt.connect()) {
            String raise = """
                    {"eventId":"%s","ts":"2026-11-23T09:10:00Z","code":"%s","severity":"WARNING","active":true,
                     "text":"door open"}""";
            machine.publish(GRADER + "alarm", raise.formatted(id(), code));
            machine.publish(GRADER + "alarm", raise.formatted(id(), code)); // repeated while active: no new event
            await().atMost(Duration.ofSeconds(10)).until(() -> !eventsAbout(events, code).isEmpty());
            machine.publish(GRADER + "alarm", """
                    {"eventId":"%s","ts":"2026-11-23T09:12:00Z","code":"%s","severity":"WARNING","active":false}"""
                    .formatted(id(), code));
            await().atMost(Duration.ofSeconds(10)).until(() -> eventsAbout(events, code).size() >= 2);
            machine.publish(GRADER + "alarm", """
                    {"eventId":"%s","ts":"2026-11-23T09:13:00Z","code":"%s","severity":"WARNING","active":false}"""
                    .formatted(id(), code)); // cleared again: nothing to announce
            Thread.sleep(1500);
            List<TestMqtt.Received> found = eventsAbout(events, code);
            assertEquals(List.of("mes/v1/events/equipment/alarm.raised", "mes/v1/events/equipment/alarm.cleared"),
                    found.stream().map(TestMqtt.Received::topic).toList());
            JsonPath raised = JsonPath.from(found.get(0).payload());
            assertEquals("GRADE-01", raised.getString("subject"));
            assertEquals("GRADE-01", raised.getString("data.equipment"));
            assertEquals("WARNING", raised.getString("data.severity"));
            assertEquals("door open", raised.getString("data.text"));
            assertTrue(raised.getBoolean("data.active"));
            JsonPath cleared = JsonPath.from(found.get(1).payload());
            assertEquals(false, cleared.getBoolean("data.active"));
            assertEquals("2026-11-23T09:12:00Z", cleared.getString("data.ts"));
        }
        // the occurrence in the machine's alarm history, with how long it lasted
        given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/equipment/GRADE-01/alarms/history"
                + "?from=2026-11-23T09:00:00Z&to=2026-11-23T10:00:00Z").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.durationSeconds", org.hamcrest.Matchers.equalTo(120));
    }

    @Test
    void stateMessagesSetTheCurrentState() {
        try (TestMqtt machine = TestMqtt.connect()) {
            machine.publish(GRADER + "state", """
                    {"eventId":"%s","ts":"2026-11-23T09:00:00Z","state":"EXECUTE","mode":"PRODUCTION"}""".formatted(id()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.of("operator1"))
                    .get(API + "/equipment/GRADE-01").then().statusCode(200).body("state", equalTo("EXECUTE"))
                    .body("mode", equalTo("PRODUCTION")));
        }
    }

    @Test
    void badMessagesAreDeadLetteredWithTheirReasonAndGoodOnesFlowOn() {
        long before = deadLetters();
        String cell = "C-" + id().substring(0, 8);
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/equipment/+");
                TestMqtt machine = TestMqtt.connect()) {
            machine.publish(STACKER + "event", "{not json");
            machine.publish(STACKER + "state", """
                    {"eventId":"%s","ts":"2026-11-23T08:00:00Z","state":"IDLE","mode":"PRODUCTION"} and more"""
                    .formatted(id()));
            machine.publish(STACKER + "data", "[1, 2, 3]");
            machine.publish("mes/v1/pilot/assembly/L1/GHOST-9/event",
                    "{\"eventId\":\"x1\",\"ts\":\"2026-11-23T08:00:00Z\",\"type\":\"measurement\"}");
            machine.publish(STACKER + "event", """
                    {"eventId":"%s","ts":"2026-11-23T08:00:00Z","type":"cell.assembled","lot":"L1"}""".formatted(id()));
            machine.publish(STACKER + "state", """
                    {"eventId":"%s","ts":"2026-11-23T08:00:00Z","state":"DANCING","mode":"PRODUCTION"}""".formatted(id()));
            machine.publish(GRADER + "event", """
                    {"eventId":"%s","ts":"2026-11-23T08:01:00Z","type":"measurement","characteristic":"OCV",
                     "value":2.21,"unit":"V","cell":"%s"}""".formatted(id(), cell));
            await().atMost(Duration.ofSeconds(10)).until(() -> !eventsAbout(events, cell).isEmpty());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> deadLetters() == before + 6);
        JsonPath letters = given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/dead-letters?size=6")
                .then().statusCode(200).extract().jsonPath();
        List<String> reasons = letters.getList("items.reason");
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("malformed: payload is not JSON")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("unknown-equipment: equipment GHOST-9")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.equals("malformed: cell missing")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("'DANCING' is not a PackML state")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("malformed: payload is not JSON: Unrecognized token 'and'")),
                "trailing content after the object: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("malformed: payload does not fit the DataMessage")),
                reasons.toString());
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("mes_mqtt_dead_letters_total"));
    }

    @Test
    void theRegistryListsThePilotLine() {
        given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/equipment?size=100").then().statusCode(200)
                .body("items.id", hasItem("STACK-01")).body("items.equipmentClass", hasItem("FORMATION_CYCLER"));
        given().get(API + "/equipment").then().statusCode(401);
    }
}
