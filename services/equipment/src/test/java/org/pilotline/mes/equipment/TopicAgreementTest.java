package org.pilotline.mes.equipment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.restassured.specification.RequestSpecification;

/**
 * A payload that names another machine, place or channel than its topic is not taken for the topic's machine: it
 * is kept as a dead letter with what disagreed, and the messages around it are ingested.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class TopicAgreementTest {

    private static final String API = "/api/equipment";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON);
    }

    private static String register() {
        String id = "FORM-" + UUID.randomUUID().toString().substring(0, 6);
        as("admin1").body("""
                {"name":"Formation cycler","equipmentClass":"FORMATION_CYCLER","site":"pilot","area":"formation",
                 "line":"L1","reason":"commissioned"}""").put(API + "/equipment/" + id).then().statusCode(200);
        return id;
    }

    private static String topic(String equipment, String channel) {
        return "mes/v1/pilot/formation/L1/" + equipment + "/" + channel;
    }

    private static String state(String eventId, Instant ts, String state, String extra) {
        return """
                {"eventId":"%s","ts":"%s","state":"%s","mode":"PRODUCTION"%s}""".formatted(eventId, ts, state, extra);
    }

    private static String currentState(String equipment) {
        return as("operator1").get(API + "/equipment/" + equipment).then().statusCode(200).extract().path("state");
    }

    private static List<String> stateHistory(String equipment) {
        return as("operator1").get(API + "/equipment/" + equipment + "/states").then().statusCode(200).extract()
                .jsonPath().getList("state");
    }

    /** Reasons of the dead letters whose payload mentions {@code text}. */
    private static List<String> deadLettersAbout(String text) {
        List<Map<String, String>> items = as("auditor1").get(API + "/dead-letters?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(i -> i.get("payload").contains(text)).map(i -> i.get("reason")).toList();
    }

    @Test
    void aStateForMachineAOnMachineBsTopicIsDeadLetteredAndTheNextGoodMessageIsIngested() {
        String a = register(), b = register();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        try (TestMqtt machine = TestMqtt.connect()) {
            machine.publish(topic(a, "state"), state(run + "-a1", t, "IDLE", ""));
            machine.publish(topic(b, "state"), state(run + "-b1", t, "IDLE", ""));
            await().atMost(Duration.ofSeconds(10)).until(() -> "IDLE".equals(currentState(a))
                    && "IDLE".equals(currentState(b)));

            // in one burst (often one batch): four that disagree with their topic, then a good one
            machine.publish(topic(b, "state"), state(run + "-x1", t.plusSeconds(60), "EXECUTE",
                    ",\"equipmentId\":\"" + a + "\""));
            machine.publish(topic(b, "state"), state(run + "-x2", t.plusSeconds(61), "EXECUTE", ",\"line\":\"L2\""));
            machine.publish(topic(b, "state"), state(run + "-x3", t.plusSeconds(62), "EXECUTE",
                    ",\"channel\":\"alarm\""));
            machine.publish(topic(b, "state"), """
                    {"eventId":"%s-x4","ts":"%s","code":"E-STOP","severity":"CRITICAL","active":true}"""
                    .formatted(run, t.plusSeconds(63)));
            machine.publish(topic(b, "state"), state(run + "-b2", t.plusSeconds(120), "STOPPED", ""));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "STOPPED".equals(currentState(b)));
        await().atMost(Duration.ofSeconds(5)).until(() -> deadLettersAbout(run).size() == 4);
        assertThat(deadLettersAbout(run), containsInAnyOrder(
                "topic-payload-mismatch: payload names equipmentId '" + a + "', its topic '" + b + "'",
                "topic-payload-mismatch: payload names line 'L2', its topic 'L1'",
                "topic-payload-mismatch: payload names channel 'alarm', its topic 'state'",
                "topic-payload-mismatch: payload is shaped for the alarm channel (it has code, no state), its topic's "
                        + "channel is state"));
        assertEquals(List.of("STOPPED", "IDLE"), stateHistory(b), "none of the refused states is in B's history");
        assertEquals("IDLE", currentState(a), "A's state is untouched by a message that named it");
        assertEquals(List.of("IDLE"), stateHistory(a));
        as("operator1").get(API + "/equipment/" + b + "/alarms").then().statusCode(200).body("size()", equalTo(0));
    }
}
