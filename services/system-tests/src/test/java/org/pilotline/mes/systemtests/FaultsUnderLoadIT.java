package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.systemtests.Probes.READS;
import static org.pilotline.mes.systemtests.Probes.get;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pilotline.mes.localplant.LocalPlant;
import org.pilotline.mes.localplant.OidcLogin;
import org.pilotline.mes.simulator.Simulator;

/**
 * The faults a plant lives with every week, each while the line publishes 2,000 messages a second: the broker
 * restarted, PostgreSQL restarted, each service and the gateway killed without warning, Keycloak stopped for a
 * minute. After each: every message the line sent is stored once (none lost, none doubled), every service's
 * outbox drains, and meanwhile readiness told the truth and callers got a prompt answer (503 to retry), not a hang.
 * Figures go to the test's output; docs/reliability.md records them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsUnderLoadIT {

    static final int RATE = 2000;
    /** A prompt answer: what the tests allow a caller to wait while something is down. */
    private static final Duration PROMPT = Duration.ofSeconds(3);

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        plant = Plant.get();
    }

    @Test
    @Order(1)
    void brokerRestartedUnderLoad() throws Exception {
        LineLoad load = LineLoad.start(plant, RATE, Duration.ofSeconds(20), "fault-broker");
        Thread.sleep(5000);
        plant.broker.close();
        try {
            for (String service : READS.keySet()) { // no broker: not ready, the line's data cannot reach them
                awaitReadiness(plant.services.get(service), 503);
            }
            Thread.sleep(3000);
        } finally {
            plant.broker.start();
        }
        report("broker restarted", load.assertEveryMessageStoredOnce());
        afterwardsAllIsWell();
    }

    @Test
    @Order(2)
    void databaseRestartedUnderLoad() throws Exception {
        LineLoad load = LineLoad.start(plant, RATE, Duration.ofSeconds(20), "fault-postgres");
        Thread.sleep(5000);
        String token = token("supervisor");
        plant.postgres.stopFast();
        try {
            for (Map.Entry<String, String> s : READS.entrySet()) {
                awaitReadiness(plant.services.get(s.getKey()), 503);
                assertPrompt503(plant.gateway + s.getValue(), token);
            }
        } finally {
            plant.postgres.start();
        }
        report("PostgreSQL restarted", load.assertEveryMessageStoredOnce());
        afterwardsAllIsWell();
    }

    @ParameterizedTest(name = "{0} killed under load")
    @ValueSource(strings = { "work-orders", "equipment", "genealogy", "quality", "gateway" })
    @Order(3)
    void killedUnderLoad(String name) throws Exception {
        LineLoad load = LineLoad.start(plant, RATE, Duration.ofSeconds(20), "fault-kill-" + name);
        Thread.sleep(5000);
        String token = token("supervisor");
        AppProcess app = plant.app(name);
        app.kill();
        Instant killed = Instant.now();
        try {
            if (READS.containsKey(name)) { // the gateway stays up and says so, at once
                assertPrompt503(plant.gateway + READS.get(name), token);
                HttpResponse<String> ready = get(plant.gateway + "/q/health/ready", null);
                assertEquals(200, ready.statusCode(), "the gateway itself is ready: " + ready.body());
            } else { // the services do not need the gateway
                for (String service : READS.keySet()) {
                    assertEquals(200, get(plant.services.get(service) + "/q/health/ready", null).statusCode());
                }
            }
        } finally {
            app.restart();
            app.awaitReady(Duration.ofMinutes(2));
        }
        System.out.printf("fault: %s back ready %.1f s after kill -9%n", name,
                Duration.between(killed, Instant.now()).toMillis() / 1000.0);
        report(name + " killed", load.assertEveryMessageStoredOnce());
        afterwardsAllIsWell();
    }

    /**
     * Keycloak away for a minute: tokens already issued keep working (the services check signatures with the keys
     * they hold), the line's data keeps flowing, readiness stays true (nothing the services do needs Keycloak), a
     * new login is refused promptly and the gateway's login page says so; after its return logins work again.
     */
    @Test
    @Order(4)
    void keycloakStoppedForAMinuteUnderLoad() throws Exception {
        Duration away = Duration.ofSeconds(Long.getLong("mes.faults.keycloak-seconds", 60));
        LineLoad load = LineLoad.start(plant, RATE, away.plusSeconds(15), "fault-keycloak");
        String token = token("supervisor");
        Thread.sleep(5000);
        plant.keycloak.close();
        Instant stopped = Instant.now();
        try {
            while (Duration.between(stopped, Instant.now()).compareTo(away) < 0) {
                for (Map.Entry<String, String> s : READS.entrySet()) {
                    HttpResponse<String> answer = get(plant.gateway + s.getValue(), token);
                    assertEquals(200, answer.statusCode(), s.getValue() + " with a token issued before: "
                            + answer.body());
                    assertEquals(200, get(plant.services.get(s.getKey()) + "/q/health/ready", null).statusCode());
                }
                Instant asked = Instant.now();
                assertThrows(RuntimeException.class, () -> token("operator"), "a new login without Keycloak");
                assertTrue(Duration.between(asked, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0,
                        "a login is refused promptly");
                HttpResponse<String> login = get(plant.gateway + "/auth/login", null);
                assertEquals(503, login.statusCode(), "the gateway's login page while Keycloak is away");
                Thread.sleep(5000);
            }
        } finally {
            plant.keycloak.start(Duration.ofMinutes(4));
        }
        System.out.printf("fault: Keycloak back %.1f s after it stopped%n",
                Duration.between(stopped, Instant.now()).toMillis() / 1000.0);
        report("Keycloak stopped " + away.toSeconds() + " s", load.assertEveryMessageStoredOnce());
        assertTrue(token("operator").length() > 0, "logins work again");
        afterwardsAllIsWell();
    }

    /** Every service ready, every outbox drained, every read answered. */
    private static void afterwardsAllIsWell() throws Exception {
        for (String service : READS.keySet()) {
            awaitReadiness(plant.services.get(service), 200);
        }
        for (String db : LocalPlant.DATABASES) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> pendingOutbox(db) == 0);
        }
        String token = token("supervisor");
        for (String read : READS.values()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> get(plant.gateway + read, token).statusCode() == 200);
        }
    }

    private static long pendingOutbox(String db) {
        return Probes.number(plant, db, "select count(*) from outbox_event where published_at is null");
    }

    private static void assertPrompt503(String url, String token) throws Exception {
        Instant asked = Instant.now();
        HttpResponse<String> answer = get(url, token);
        Duration took = Duration.between(asked, Instant.now());
        assertEquals(503, answer.statusCode(), url + ": " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                url);
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), url + " says when to retry");
        assertTrue(took.compareTo(PROMPT) < 0, url + " answered in " + took.toMillis() + " ms, not promptly");
        System.out.printf("fault: %s answered 503 in %d ms%n", URI.create(url).getPath(), took.toMillis());
    }

    private static void awaitReadiness(String serviceUrl, int status) {
        Instant from = Instant.now();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> get(serviceUrl + "/q/health/ready", null).statusCode() == status);
        System.out.printf("fault: %s readiness %d after %.1f s%n", serviceUrl, status,
                Duration.between(from, Instant.now()).toMillis() / 1000.0);
    }

    private static void report(String fault, Simulator.Result r) {
        System.out.printf("fault: %s: %d sent at %.0f/s, %d acknowledged, %d failed, every one stored once%n",
                fault, r.sent(), r.sent() / r.seconds(), r.acknowledged(), r.failed());
    }

    private static String token(String role) {
        return OidcLogin.accessToken(plant.keycloak.issuer(), role + "1", role + "1");
    }
}
