package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.pilotline.mes.simulator.Simulator;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;

/**
 * The line publishing process data at a steady rate through the simulator (QoS 1, every message unique) while a
 * test breaks something, and the count afterwards: every message the simulator sent is stored by the equipment
 * service once, with each of its values once. Alongside, the leak tester reports cells (unit.completed and a
 * measurement, 20 a second), which the equipment service turns into domain events for genealogy and quality: each
 * of those reaches each consumer once.
 */
final class LineLoad {

    private final Plant plant;
    private final Instant start = Instant.now().minusSeconds(1);
    private final long lastMessageBefore;
    private final Simulator simulator;
    private final CompletableFuture<Simulator.Result> run;
    private final long lastEventBefore;
    private final CompletableFuture<Integer> cells;
    private volatile boolean stopCells;

    private LineLoad(Plant plant, int rate, Duration duration, String clientId) {
        this.plant = plant;
        this.lastMessageBefore = count("select coalesce(max(id), 0) from equipment_message");
        this.lastEventBefore = count("select coalesce(max(seq), 0) from outbox_event");
        this.simulator = new Simulator(plant.simulatorArgs("--mix", "data", "--rate", Integer.toString(rate),
                "--duration", duration.toString(), "--bad-every", "0", "--client-id", clientId));
        this.run = CompletableFuture.supplyAsync(() -> {
            try {
                return simulator.run(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        this.cells = CompletableFuture.supplyAsync(() -> reportCells(clientId));
    }

    /** The leak tester's cells until the load ends: a unit.completed and a measurement each, QoS 1. */
    private int reportCells(String clientId) {
        URI broker = URI.create(plant.broker.url());
        Mqtt3BlockingClient leakTester = Mqtt3Client.builder().identifier(clientId + "-cells")
                .serverHost(broker.getHost()).serverPort(broker.getPort()).automaticReconnectWithDefaultConfig()
                .simpleAuth().username(Plant.HARNESS.username())
                .password(Plant.HARNESS.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .addDisconnectedListener(ctx -> ctx.getReconnector().republishIfSessionExpired(true)).buildBlocking();
        leakTester.connect();
        String prefix = "FLT" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-";
        int n = 0;
        while (!run.isDone()) {
            String cell = prefix + n++;
            publish(leakTester, """
                    {"eventId":"%s-u","ts":"%s","type":"unit.completed","operation":"LEAK","cell":"%s",
                     "parameters":{"result":"OK"}}""".formatted(cell, Instant.now(), cell));
            publish(leakTester, """
                    {"eventId":"%s-m","ts":"%s","type":"measurement","characteristic":"LEAK_RATE","value":1.2e-7,
                     "unit":"mbar.l/s","cell":"%s"}""".formatted(cell, Instant.now(), cell));
            sleep(50);
        }
        leakTester.disconnect();
        return n;
    }

    private static void publish(Mqtt3BlockingClient client, String payload) {
        client.publishWith().topic("mes/v1/pilot/assembly/L1/LEAK-01/event").qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    static LineLoad start(Plant plant, int rate, Duration duration, String clientId) {
        return new LineLoad(plant, rate, duration, clientId);
    }

    /**
     * Waits for the simulator to finish and the equipment service to store what it sent; fails when a message is
     * missing or stored twice, or a value is. Returns what the simulator reports.
     */
    Simulator.Result assertEveryMessageStoredOnce() {
        Simulator.Result sent = run.join();
        String messages = "select count(*) from equipment_message where channel = 'data' and id > "
                + lastMessageBefore;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> count(messages) >= sent.sent());
        assertEquals(0, sent.failed(), "the broker refused or lost publishes: " + sent);
        assertEquals(sent.sent(), count(messages), "messages stored (none lost, none twice): " + sent);
        assertEquals(Simulator.dataSamples(sent.sent()), countValuesSinceStart(),
                "process values stored (each value of each message once): " + sent);
        assertEveryCellEventConsumedOnce();
        return sent;
    }

    /**
     * Each cell the leak tester reported became a unit.completed and a measurement event in the equipment
     * service's outbox, was published, and is in the inbox of each consumer once (genealogy takes both, quality
     * the measurements): none lost on the way, none applied twice (the inbox's key is the event id).
     */
    private void assertEveryCellEventConsumedOnce() {
        int reported = cells.join();
        assertTrue(reported > 0, "the leak tester reported no cell");
        // genealogy keeps unit.completed (cell progress), quality keeps measurements
        for (Map.Entry<String, String> consumer : Map.of("unit.completed", "mes_genealogy", "measurement",
                "mes_quality").entrySet()) {
            String events = "from outbox_event where seq > " + lastEventBefore + " and topic like '%/"
                    + consumer.getKey() + "'";
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> count("select count(*) " + events + " and published_at is not null") >= reported);
            assertEquals(reported, count("select count(*) " + events), consumer.getKey() + " events, one a cell");
            String ids = String.join("','", strings("select id::text " + events));
            String consumed = "select count(*) from processed_message where message_id in ('" + ids + "')";
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> count(consumer.getValue(), consumed) == reported);
        }
        System.out.printf("fault: %d cells reported by the leak tester, each event consumed once by genealogy and "
                + "quality%n", reported);
    }

    private long countValuesSinceStart() {
        return count("select count(*) from process_value where ts >= '" + start + "'");
    }

    private long count(String sql) {
        return Probes.number(plant, "mes_equipment", sql);
    }

    private long count(String db, String sql) {
        return Probes.number(plant, db, sql);
    }

    private List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = Probes.db(plant, "mes_equipment"); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
