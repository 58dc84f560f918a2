package org.pilotline.mes.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.quality.QualityEvents.event;
import static org.pilotline.mes.quality.QualityEvents.unique;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Quality takes work-orders' events only from work-orders' topics with work-orders' source: a forged or misplaced
 * event changes no plan and no audit trail, and is kept as a dead letter that says what disagreed.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class EventOriginTest {

    private static final String API = "/api/quality";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType("application/json");
    }

    private static String routingReleased(String product) {
        return """
                {"product":"%s","stage":"SAMPLE","routing":"R-%s","version":1,"operations":[
                  {"sequence":30,"code":"OCV","name":"OCV check","characteristics":[
                    {"code":"OCV","name":"Open-circuit voltage","unit":"V","lowerLimit":2.0,"upperLimit":2.5}]}]}"""
                .formatted(product, product);
    }

    /** A CloudEvent as sent, with topic, source and type chosen freely. */
    private static void publish(TestMqtt mqtt, String topic, String id, String source, String type, String data) {
        mqtt.publish(topic, """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","time":"2026-11-23T08:00:00Z","data":%s}"""
                .formatted(id, source, type, data));
    }

    /** Reasons of the dead letters whose payload mentions {@code text}. */
    private static List<String> deadLettersAbout(String text) {
        List<Map<String, String>> items = as("auditor1").get(API + "/dead-letters?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(i -> i.get("payload").contains(text)).map(i -> i.get("reason")).toList();
    }

    @Test
    void forgedAndMisplacedEventsChangeNothingAndAreDeadLetteredWithWhatDisagreed() {
        String product = unique("P");
        String id = UUID.randomUUID().toString();
        String data = routingReleased(product);
        try (TestMqtt mqtt = TestMqtt.connect()) {
            // on work-orders' topic, but the source says equipment: a forged origin
            publish(mqtt, "mes/v1/events/work-orders/routing.released", id, "/mes/equipment", "routing.released",
                    data);
            // work-orders' source, but on the topic of another type
            publish(mqtt, "mes/v1/events/work-orders/lot.created", UUID.randomUUID().toString(), "/mes/work-orders",
                    "routing.released", data);
            // a real-looking work-orders event on equipment's topic
            publish(mqtt, "mes/v1/events/equipment/routing.released", UUID.randomUUID().toString(),
                    "/mes/work-orders", "routing.released", data);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLettersAbout(product).size() == 3);
        List<String> reasons = deadLettersAbout(product);
        assertThat(reasons, containsInAnyOrder(
                "forged-origin: source /mes/work-orders on a topic of equipment, expected /mes/equipment",
                "forged-origin: type routing.released on topic mes/v1/events/work-orders/lot.created, expected topic "
                        + "mes/v1/events/work-orders/routing.released",
                "forged-origin: source /mes/equipment on a topic of work-orders, expected /mes/work-orders"));
        as("auditor1").get(API + "/plans/" + product).then().statusCode(404);
        as("auditor1").get(API + "/audit?entityType=plan&entityId=" + product).then().statusCode(200)
                .body("total", equalTo(0));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("mes_mqtt_dead_letters_total\\{[^}]*reason=\"forged-origin\"").matcher(metrics)
                .find(), "counted by reason");

        // the genuine event, even with the forged one's id (a refused event leaves nothing in the inbox), applies
        try (TestMqtt mqtt = TestMqtt.connect()) {
            event(mqtt, id, "work-orders", "routing.released", data);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("operator1").get(API + "/plans/" + product)
                .then().statusCode(200).body("version", equalTo(1)).body("characteristics[0].upperLimit",
                        equalTo(2.5f)));
        as("auditor1").get(API + "/audit?entityType=plan&entityId=" + product).then().statusCode(200)
                .body("total", equalTo(1)).body("items.action", hasItem("plan.released"));
        assertEquals(3, deadLettersAbout(product).size(), "the genuine event is no dead letter");
    }
}
