package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.localplant.OidcLogin;
import org.pilotline.mes.localplant.SeedLoader;
import org.pilotline.mes.simulator.Simulator;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The demo plant as {@code ./mes up} runs it: the seed data loaded through the API, then the equipment simulator
 * running real work through the gateway with the line's own client (mes-line-simulator): its planner releases work
 * orders of the seeded products, its machines take their operations from the dispatch lists and report them over
 * MQTT, stacking cells with serials work-orders allocated; material receipt and sealing are left for people, and
 * done by a colleague of the shift when nobody comes within the grace period. Quick here (one-second operations, a
 * fifteen-second grace, lots of three or four cells, no faults, excursions or bad messages, which would disturb the
 * other system tests), so a lot goes all the way to READY, and a supervisor approves it.
 */
class DemoPlantIT {

    private static final Set<String> PRODUCTS = Set.of("SSB-1AH", "SSB-10AH");
    private static final List<String> SERVICES = List.of("equipment", "work-orders", "genealogy", "quality");

    private static Plant plant;
    private static Simulator simulator;
    private static Thread line;
    private static final Map<String, Integer> deadLettersBefore = new HashMap<>();
    private static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void seedThePlantAndStartTheLine() throws Exception {
        plant = Plant.get();
        String issuer = plant.keycloak.issuer();
        // the seed files ./mes up loads, through the API, in its order; all but the equipment's service plan and
        // limits (pilot-line.json): its due dates are fixed days and would, once past, refuse the other system
        // tests' starts at STACK-01 and PRESS-01 in this shared plant
        SeedLoader seed = new SeedLoader(plant.gateway, user -> OidcLogin.accessToken(issuer, user, user));
        try (Stream<Path> files = Files.list(plant.root.resolve("services"))) {
            List<Path> seeds = files.map(s -> s.resolve("seed")).filter(Files::isDirectory).flatMap(DemoPlantIT::json)
                    .filter(f -> !f.getFileName().toString().equals("pilot-line.json")).sorted().toList();
            assertFalse(seeds.isEmpty());
            seeds.forEach(seed::load);
        }
        for (String service : SERVICES) {
            deadLettersBefore.put(service, deadLetters(service));
        }
        simulator = new Simulator(plant.simulatorArgs("--client-id", "demo-plant-it", "--gateway",
                plant.gateway, "--issuer", issuer, "--client-secret", "mes-line-simulator-dev-secret", "--rate", "50",
                "--products", String.join(",", PRODUCTS.stream().sorted().toList()), "--lot-cells", "3-4",
                "--open-lots", "2", "--op-time", "PT1S", "--poll", "PT1S", "--grace", "PT15S",
                "--people-ops", "RECEIPT,SEAL", "--bad-every", "0", "--fault-chance", "0", "--excursion-chance", "0",
                "--out-of-limit-chance", "0"));
        line = new Thread(() -> {
            try {
                simulator.run(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-plant-simulator");
        line.start();
    }

    @AfterAll
    static void stopTheLine() throws InterruptedException {
        if (simulator != null) {
            simulator.stop();
            line.join(Duration.ofSeconds(60).toMillis());
        }
    }

    private static Stream<Path> json(Path dir) {
        try {
            return Files.list(dir).filter(f -> f.toString().endsWith(".json")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification as(String user) {
        String token = tokens.computeIfAbsent(user, u -> OidcLogin.accessToken(plant.keycloak.issuer(), u, u));
        return given().baseUri(plant.gateway).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static int deadLetters(String service) {
        return as("auditor1").get("/api/" + service + "/dead-letters?size=1").then().statusCode(200).extract()
                .path("total");
    }

    @Test
    void theSimulatedLineRunsReleasedWorkOrdersOfTheSeededProductsToReadyLots() {
        // the planner's work orders: released (or running, once started), of the seeded products
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> products = new ArrayList<>();
            for (String state : List.of("RELEASED", "RUNNING")) {
                products.addAll(as("supervisor1").get("/api/work-orders/work-orders?state=" + state + "&size=200")
                        .then().statusCode(200).extract().jsonPath().getList("items.product"));
            }
            assertTrue(products.stream().filter(PRODUCTS::contains).count() >= 2, products.toString());
        });

        // while the line runs: what is left for people waits on their lists for a while
        boolean[] sealWaiting = { false };
        boolean[] receiptWaiting = { false };
        String[] ready = { null };
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Map<String, Object>> sealer = as("operator1").get("/api/work-orders/stations/SEAL-01/dispatch")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            sealWaiting[0] |= sealer.stream().anyMatch(i -> "SEAL".equals(i.get("operation"))
                    && "READY".equals(i.get("state")));
            List<Map<String, Object>> warehouse = as("operator1").get("/api/work-orders/dispatch?workCenterType=WAREHOUSE")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            receiptWaiting[0] |= warehouse.stream().anyMatch(i -> "RECEIPT".equals(i.get("operation")));
            ready[0] = readyLot();
            return ready[0] != null && sealWaiting[0];
        });
        assertTrue(receiptWaiting[0], "material receipt waited on the warehouse's list");
        String lot = ready[0];

        // every operation done: the machines' by the machines, sealing and receipt by the colleague at the tablet
        JsonPath ops = as("supervisor1").get("/api/work-orders/lots/" + lot + "/operations").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(14, ops.getList("operation").size());
        assertTrue(ops.getList("state").stream().allMatch("COMPLETED"::equals), ops.prettify());
        assertEquals("service-account-mes-line-simulator",
                ops.getString("find { it.operation == 'SEAL' }.completedBy"));
        assertEquals("service-account-mes-line-simulator",
                ops.getString("find { it.operation == 'RECEIPT' }.completedBy"));
        assertEquals("PRESS-01", ops.getString("find { it.operation == 'WIP' }.completedBy"));
        assertEquals("GRADE-01", ops.getString("find { it.operation == 'GRADE' }.completedBy"));
        double pressure = ops.getDouble("find { it.operation == 'WIP' }.values.PRESSURE");
        assertTrue(pressure >= 480 && pressure <= 520, "the press ran near its target: " + pressure);

        // its cells: serials from work-orders, known to genealogy with product, stage and work order
        JsonPath lotView = as("supervisor1").get("/api/work-orders/lots/" + lot).then().extract().jsonPath();
        String first = as("supervisor1").get("/api/work-orders/lots/" + lot + "/serials").then().statusCode(200)
                .extract().jsonPath().getList("first", String.class).get(0);
        JsonPath cell = as("auditor1").get("/api/genealogy/cells/" + first).then().statusCode(200).extract().jsonPath();
        assertEquals(lot, cell.getString("lot"));
        assertEquals(lotView.getString("workOrder"), cell.getString("workOrder"));
        assertEquals(lotView.getString("product"), cell.getString("product"));
        assertEquals(Map.of("SSB-1AH", "SAMPLE", "SSB-10AH", "VALIDATION").get(cell.getString("product")),
                cell.getString("stage"));
        assertEquals("STACK-01", cell.getString("equipment"));
        List<String> raw = as("auditor1").get("/api/genealogy/cells/" + first + "/trace/backward").then()
                .statusCode(200).extract().jsonPath().getList("rawMaterials.id");
        assertTrue(raw.containsAll(List.of("SIM-LI2S", "SIM-P2S5", "SIM-LICL", "SIM-NCM", "SIM-ALF", "SIM-LIF")),
                "traced to the raw lots the seed received: " + raw);

        // quality has every gate measured and passed: the supervisor approves the lot
        as("supervisor1").get("/api/quality/lots/" + lot + "/disposition").then().statusCode(200)
                .body("ok", equalTo(true));
        String supervisor = OidcLogin.accessToken(plant.keycloak.issuer(), "supervisor1", "supervisor1");
        given().baseUri(plant.gateway).auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\",\"meaning\":\"approved for release\",\"reason\":\"demo line lot\"}")
                .post("/api/work-orders/lots/" + lot + "/approval").then().statusCode(200)
                .body("state", equalTo("APPROVED"));

        // nothing the line sent was refused anywhere
        for (String service : SERVICES) {
            assertEquals(deadLettersBefore.get(service), deadLetters(service), service + " dead-lettered some of "
                    + "the line's messages: " + as("auditor1").get("/api/" + service + "/dead-letters?size=5").asString());
        }
    }

    /** A READY lot of the line's products, or null. */
    private static String readyLot() {
        for (String state : List.of("RELEASED", "RUNNING")) {
            List<Map<String, Object>> orders = as("supervisor1").get("/api/work-orders/work-orders?state=" + state
                    + "&size=200").then().extract().jsonPath().getList("items");
            for (Map<String, Object> wo : orders) {
                if (!PRODUCTS.contains(wo.get("product"))) {
                    continue;
                }
                List<Map<String, Object>> lots = as("supervisor1").get("/api/work-orders/work-orders/" + wo.get("number")
                        + "/lots").then().extract().jsonPath().getList("$");
                for (Map<String, Object> l : lots) {
                    if ("READY".equals(l.get("state"))) {
                        return (String) l.get("lot");
                    }
                }
            }
        }
        return null;
    }
}
