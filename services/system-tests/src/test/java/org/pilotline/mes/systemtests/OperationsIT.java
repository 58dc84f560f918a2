package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operations teams rely on, the same in every service: health, metrics, API docs, token checks. */
class OperationsIT {

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        plant = Plant.get();
    }

    @Test
    void everyServiceReportsHealthMetricsAndItsApi() {
        assertEquals(List.of("equipment", "genealogy", "quality", "work-orders"),
                plant.services.keySet().stream().sorted().toList());
        plant.services.forEach((service, url) -> {
            given().baseUri(url).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.name", hasItems("mqtt", "Database connections health check"));
            given().baseUri(url).get("/q/health/live").then().statusCode(200);
            given().baseUri(url).get("/q/metrics").then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
            given().baseUri(url).get("/q/openapi?format=json").then().statusCode(200)
                    .body("info.title", equalTo("MES " + service))
                    .body("paths.keySet()", hasItems("/api/" + service + "/audit",
                            "/api/" + service + "/audit/verification", "/api/" + service + "/dead-letters"));
            given().baseUri(url).get("/q/swagger-ui/").then().statusCode(200);
            // each service validates tokens itself: calling it directly without one is refused too
            given().baseUri(url).get("/api/" + service + "/audit").then().statusCode(401);
        });
        given().baseUri(plant.gateway).get("/q/health/ready").then().statusCode(200);
    }
}
