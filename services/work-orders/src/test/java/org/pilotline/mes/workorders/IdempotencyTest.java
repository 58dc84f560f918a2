package org.pilotline.mes.workorders;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.kit.idempotency.IdempotencyKeys;
import org.pilotline.mes.testing.PlantTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A tablet repeats a submit whose answer it never got: with the same Idempotency-Key the request is applied once and
 * the repeat gets the first answer again; the key is kept with the change or not at all.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
@QuarkusTestResource(FakeNeighbours.class)
class IdempotencyTest {

    private static final String API = "/api/work-orders";

    @Inject
    AgroalDataSource db;
    @Inject
    IdempotencyKeys keys;

    private static Response post(String user, String key, String path, String body) {
        var request = WorkOrdersTest.as(user).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(API + path);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** A released lot (STACK, PRESS, OCV) with STACK started by operator1. */
    private static String lotWithStackStarted() {
        String lot = WorkOrdersTest.releasedLot(WorkOrdersTest.productWithReleasedRouting());
        post("operator1", null, "/lots/" + lot + "/operations/STACK/start", "{}").then().statusCode(200);
        return lot;
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long completions(String lot) {
        return WorkOrdersTest.as("auditor1").get(API + "/audit?entityType=lot&entityId=" + lot + "&size=500").then()
                .statusCode(200).extract().jsonPath().getList("items.action").stream()
                .filter("operation.completed"::equals).count();
    }

    private long completedEvents(String lot) throws SQLException {
        return count("select count(*) from outbox_event where topic like '%/operation.completed' and payload like ?",
                "%\"lot\":\"" + lot + "\"%");
    }

    @Test
    void anOperationCompletedTwiceWithTheSameKeyIsCompletedOnceAndTheRepeatGetsTheFirstAnswer() throws Exception {
        String lot = lotWithStackStarted();
        String key = key();
        String body = "{\"good\":5}";
        Response first = post("operator1", key, "/lots/" + lot + "/operations/STACK/complete", body);
        first.then().statusCode(200).body("state", equalTo("COMPLETED")).header("Idempotency-Replayed", nullValue());
        Response again = post("operator1", key, "/lots/" + lot + "/operations/STACK/complete", body);
        again.then().statusCode(200).header("Idempotency-Replayed", "true");
        assertEquals(first.asString(), again.asString(), "the same answer, byte for byte");
        assertEquals(first.contentType(), again.contentType());

        // without the key, the same request is a new one, refused as always
        post("operator1", null, "/lots/" + lot + "/operations/STACK/complete", body).then().statusCode(409);
        assertEquals(1, completions(lot), "one completion in the audit trail");
        assertEquals(1, completedEvents(lot), "one operation.completed event");

        // a quoted key (structured-field string) is the same key
        post("operator1", "\"" + key + "\"", "/lots/" + lot + "/operations/STACK/complete", body).then()
                .statusCode(200).header("Idempotency-Replayed", "true");
    }

    @Test
    void aKeyNamesOneRequestAnotherBodyOrPathIs422() {
        String lot = lotWithStackStarted();
        String key = key();
        post("operator1", key, "/lots/" + lot + "/operations/STACK/complete", "{\"good\":5}").then().statusCode(200);
        post("operator1", key, "/lots/" + lot + "/operations/STACK/complete", "{\"good\":4}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:mes:problem:idempotency-key-reused"));
        post("operator1", key, "/lots/" + lot + "/operations/PRESS/start", "{\"good\":5}").then().statusCode(422)
                .body("type", equalTo("urn:mes:problem:idempotency-key-reused"));
        // a key belongs to its user: another user's request under the same key is their own
        post("supervisor1", key, "/lots/" + lot + "/operations/PRESS/start", "{}").then().statusCode(200)
                .header("Idempotency-Replayed", nullValue());
    }

    @Test
    void aRefusedRequestKeepsNoKeyAndAppliesWhenSentAgainAfterTheCauseIsFixed() {
        String lot = WorkOrdersTest.releasedLot(WorkOrdersTest.productWithReleasedRouting());
        String key = key();
        post("operator1", key, "/lots/" + lot + "/operations/PRESS/start", "{}").then().statusCode(409)
                .body("type", equalTo("urn:mes:problem:previous-operation-open"));
        post("operator1", null, "/lots/" + lot + "/operations/STACK/start", "{}").then().statusCode(200);
        post("operator1", null, "/lots/" + lot + "/operations/STACK/complete", "{}").then().statusCode(200);

        post("operator1", key, "/lots/" + lot + "/operations/PRESS/start", "{}").then().statusCode(200)
                .header("Idempotency-Replayed", nullValue()).body("state", equalTo("STARTED"));
        post("operator1", key, "/lots/" + lot + "/operations/PRESS/start", "{}").then().statusCode(200)
                .header("Idempotency-Replayed", "true");
    }

    @Test
    void identicalRequestsAtTheSameMomentApplyOnce() throws Exception {
        String lot = lotWithStackStarted();
        String key = key();
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit((Callable<Response>) () -> {
                    go.await();
                    return post("operator1", key, "/lots/" + lot + "/operations/STACK/complete", "{\"good\":5}");
                }));
            }
            go.countDown();
            int applied = 0;
            String firstBody = null;
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertEquals(200, r.statusCode(), r.asString());
                if (r.header("Idempotency-Replayed") == null) {
                    applied++;
                }
                if (firstBody == null) {
                    firstBody = r.asString();
                }
                assertEquals(firstBody, r.asString());
            }
            assertEquals(1, applied, "one request applied, the others got its answer");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, completions(lot));
        assertEquals(1, completedEvents(lot));
    }

    @Test
    void createdAndNoContentAnswersAreReplayedWithStatusAndLocation() throws SQLException {
        String product = WorkOrdersTest.productWithReleasedRouting();
        String key = key();
        String body = "{\"product\":\"" + product + "\",\"plannedQuantity\":3}";
        Response created = post("supervisor1", key, "/work-orders", body);
        created.then().statusCode(201);
        Response again = post("supervisor1", key, "/work-orders", body);
        again.then().statusCode(201).header("Idempotency-Replayed", "true");
        assertEquals(created.header("Location"), again.header("Location"));
        assertEquals(created.jsonPath().getString("number"), again.jsonPath().getString("number"));
        assertEquals(1, count("select count(*) from work_order w join product p on p.id = w.product_id "
                + "where p.code = ?", product), "one work order");

        int id = post("supervisor1", null, "/qualifications",
                "{\"user\":\"operator9\",\"qualification\":\"IDEMPOTENT_" + key.substring(0, 4).toUpperCase() + "\"}")
                .then().statusCode(201).extract().path("id");
        String revoke = key();
        for (int i = 0; i < 2; i++) {
            Response r = WorkOrdersTest.as("supervisor1").header("Idempotency-Key", revoke)
                    .delete(API + "/qualifications/" + id);
            r.then().statusCode(204);
            assertEquals(i == 0 ? null : "true", r.header("Idempotency-Replayed"));
        }
        WorkOrdersTest.as("supervisor1").delete(API + "/qualifications/" + id).then().statusCode(409);
    }

    @Test
    void aBadKeyIs400AndChangesNothing() {
        String lot = lotWithStackStarted();
        post("operator1", "x".repeat(201), "/lots/" + lot + "/operations/STACK/complete", "{}").then()
                .statusCode(400).body("type", equalTo("urn:mes:problem:idempotency-key-invalid"));
        post("operator1", "\"\"", "/lots/" + lot + "/operations/STACK/complete", "{}").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:idempotency-key-invalid"));
        WorkOrdersTest.as("operator1").header("Idempotency-Key", "a").header("Idempotency-Key", "b").body("{}")
                .post(API + "/lots/" + lot + "/operations/STACK/complete").then().statusCode(400);
        assertEquals(0, completions(lot));
        // an auditor changes nothing, key or not
        post("auditor1", key(), "/lots/" + lot + "/operations/STACK/complete", "{}").then().statusCode(403);
        post("operator1", "x".repeat(200), "/lots/" + lot + "/operations/STACK/complete", "{}").then()
                .statusCode(200);
    }

    @Test
    void theApiDocumentNamesTheHeaderOnEveryWriteAndNoRead() {
        var doc = io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
        String complete = "paths.'/api/work-orders/lots/{lot}/operations/{operation}/complete'";
        assertEquals(List.of("Idempotency-Key"), doc.getList(complete + ".post.parameters.findAll { it.in == 'header' }.name"));
        assertEquals(List.of("Idempotency-Key"), doc.getList("paths.'/api/work-orders/qualifications/{id}'.delete.parameters"
                + ".findAll { it.in == 'header' }.name"));
        assertEquals(List.of(), doc.getList("paths.'/api/work-orders/lots'.get.parameters.findAll { it.in == 'header' }"));
    }

    @Test
    void keysAreForgottenAfterTheirRetention() throws Exception {
        String product = WorkOrdersTest.productWithReleasedRouting();
        String key = key();
        String body = "{\"product\":\"" + product + "\",\"plannedQuantity\":2}";
        String first = post("supervisor1", key, "/work-orders", body).then().statusCode(201).extract().path("number");
        keys.forgetExpired();
        assertEquals(first, post("supervisor1", key, "/work-orders", body).then().statusCode(201)
                .header("Idempotency-Replayed", "true").extract().path("number"), "a fresh key is kept");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?")) {
            ps.setString(1, key);
            assertEquals(1, ps.executeUpdate());
        }
        keys.forgetExpired();
        Response later = post("supervisor1", key, "/work-orders", body);
        later.then().statusCode(201);
        assertNull(later.header("Idempotency-Replayed"));
        assertNotEquals(first, later.jsonPath().getString("number"), "a day later the key is a new request");
    }
}
