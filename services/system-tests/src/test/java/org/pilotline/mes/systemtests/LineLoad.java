package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.pilotline.mes.simulator.Simulator;

/**
 * The line publishing process data at a steady rate through the simulator (QoS 1, every message unique) while a
 * test breaks something, and the count afterwards: every message the simulator sent is stored by the equipment
 * service once, with each of its values once.
 */
final class LineLoad {

    private final Plant plant;
    private final Instant start = Instant.now().minusSeconds(1);
    private final long lastMessageBefore;
    private final Simulator simulator;
    private final CompletableFuture<Simulator.Result> run;

    private LineLoad(Plant plant, int rate, Duration duration, String clientId) {
        this.plant = plant;
        this.lastMessageBefore = count("select coalesce(max(id), 0) from equipment_message");
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
        String messages = "select count(*) from equipment_message where id > " + lastMessageBefore;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> count(messages) >= sent.sent());
        assertEquals(0, sent.failed(), "the broker refused or lost publishes: " + sent);
        assertEquals(sent.sent(), count(messages), "messages stored (none lost, none twice): " + sent);
        assertEquals(Simulator.dataSamples(sent.sent()), countValuesSinceStart(),
                "process values stored (each value of each message once): " + sent);
        return sent;
    }

    private long countValuesSinceStart() {
        try (Connection c = equipmentDb();
                PreparedStatement ps = c.prepareStatement("select count(*) from process_value where ts >= ?")) {
            ps.setTimestamp(1, Timestamp.from(start));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection c = equipmentDb(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection equipmentDb() throws SQLException {
        return DriverManager.getConnection(plant.postgres.jdbcUrl("mes_equipment"), "postgres", "");
    }
}
