package org.pilotline.mes.workorders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The ISA-95 work-order state machine through the API: every action from every state, legal or not. */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class WorkOrderStatesTest {

    private static final String API = "/api/work-orders";
    private static final List<String> ACTIONS = List.of("release", "start", "hold", "resume", "suspend", "end",
            "abort", "cancel");

    /** How to reach each state from a new order; HELD twice, as where it was held from matters. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "CREATED", List.of(),
            "RELEASED", List.of("release"),
            "RUNNING", List.of("release", "start"),
            "HELD(released)", List.of("release", "hold"),
            "HELD(running)", List.of("release", "start", "hold"),
            "SUSPENDED", List.of("release", "start", "suspend"),
            "ENDED", List.of("release", "start", "end"),
            "ABORTED", List.of("release", "start", "abort"),
            "CANCELLED", List.of("cancel"));

    /** The legal moves: (state, action) -> resulting state. Every other pair must be refused. */
    private static final Map<String, String> LEGAL = Map.ofEntries(
            Map.entry("CREATED release", "RELEASED"), Map.entry("CREATED cancel", "CANCELLED"),
            Map.entry("RELEASED start", "RUNNING"), Map.entry("RELEASED hold", "HELD"),
            Map.entry("RELEASED cancel", "CANCELLED"),
            Map.entry("RUNNING hold", "HELD"), Map.entry("RUNNING suspend", "SUSPENDED"),
            Map.entry("RUNNING end", "ENDED"), Map.entry("RUNNING abort", "ABORTED"),
            Map.entry("HELD(released) resume", "RELEASED"), Map.entry("HELD(released) abort", "ABORTED"),
            Map.entry("HELD(released) cancel", "CANCELLED"),
            Map.entry("HELD(running) resume", "RUNNING"), Map.entry("HELD(running) abort", "ABORTED"),
            Map.entry("SUSPENDED resume", "RUNNING"), Map.entry("SUSPENDED abort", "ABORTED"));

    private static String product;

    /** One product with a released routing for all cases (made on first use: the test port is known by then). */
    private static synchronized String product() {
        if (product == null) {
            product = WorkOrdersTest.productWithReleasedRouting();
        }
        return product;
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> all = new ArrayList<>();
        PATHS.keySet().stream().sorted().forEach(state -> ACTIONS.forEach(action -> all.add(Arguments.of(state, action))));
        return all.stream();
    }

    private static String newOrder() {
        return WorkOrdersTest.as("supervisor1").body("{\"product\":\"" + product() + "\",\"plannedQuantity\":2}")
                .post(API + "/work-orders").then().statusCode(201).extract().path("number");
    }

    private static io.restassured.response.Response act(String number, String action) {
        return WorkOrdersTest.as("supervisor1").body("{\"reason\":\"test: " + action + "\"}")
                .post(API + "/work-orders/" + number + "/" + action);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyStateAndAction")
    void eachActionIsAllowedExactlyFromItsStates(String state, String action) {
        String number = newOrder();
        PATHS.get(state).forEach(step -> act(number, step).then().statusCode(200));
        String expected = LEGAL.get(state + " " + action);
        if (expected != null) {
            act(number, action).then().statusCode(200).body("state", equalTo(expected));
        } else {
            String before = state.replaceAll("\\(.*\\)", "");
            act(number, action).then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:mes:problem:illegal-transition"))
                    .body("detail", startsWith("Work order " + number + " is " + before + " and cannot " + action));
            WorkOrdersTest.as("auditor1").get(API + "/work-orders/" + number).then().body("state", equalTo(before));
        }
    }

    @Test
    void holdingNeedsAReasonAndEveryMoveIsAuditedAndPublished() {
        String number = newOrder();
        act(number, "release").then().statusCode(200);
        WorkOrdersTest.as("supervisor1").body("{}").post(API + "/work-orders/" + number + "/hold").then()
                .statusCode(400).body("type", equalTo("urn:mes:problem:reason-required"));
        try (TestMqtt events = TestMqtt.connect().collect("mes/v1/events/work-orders/+")) {
            WorkOrdersTest.as("supervisor1").body("{\"reason\":\"dry room dew point excursion\"}")
                    .post(API + "/work-orders/" + number + "/hold").then().statusCode(200)
                    .body("state", equalTo("HELD")).body("stateReason", equalTo("dry room dew point excursion"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.received().stream()
                    .anyMatch(m -> m.topic().endsWith("/work-order.held") && m.payload().contains(number)));
            assertTrue(events.received().stream().filter(m -> m.payload().contains(number)).findFirst().orElseThrow()
                    .payload().contains("\"reason\":\"dry room dew point excursion\""));
        }
        WorkOrdersTest.as("auditor1").get(API + "/audit?entityType=work-order&entityId=" + number).then()
                .body("items.action", org.hamcrest.Matchers.contains("work-order.created", "work-order.release",
                        "work-order.hold"))
                .body("items[2].reason", equalTo("dry room dew point excursion"));
    }

    @Test
    void unknownActionsAndOperatorsAreRefused() {
        String number = newOrder();
        WorkOrdersTest.as("supervisor1").body("{}").post(API + "/work-orders/" + number + "/explode").then()
                .statusCode(404).body("type", equalTo("urn:mes:problem:unknown-action"));
        given().auth().oauth2(TestTokens.of("operator1")).contentType(ContentType.JSON).body("{}")
                .post(API + "/work-orders/" + number + "/release").then().statusCode(403);
    }
}
