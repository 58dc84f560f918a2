package org.pilotline.mes.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;
import org.pilotline.mes.kit.config.MesConfig;
import org.pilotline.mes.kit.messaging.MqttConnection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends committed outbox events to the broker in commit order and marks them published once the broker has
 * acknowledged them. Woken after every commit that wrote an event, and every second in case a wake-up was lost
 * (broker down, restart). A crash between PUBACK and marking means the event is sent again: consumers are
 * idempotent on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final AgroalDataSource db;
    private final MqttConnection mqtt;
    private final MesConfig.Mqtt config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    OutboxRelay(AgroalDataSource db, MqttConnection mqtt, MesConfig config) {
        this.db = db;
        this.mqtt = mqtt;
        this.config = config.mqtt();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wake();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everySecond() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Coalesces wake-ups: at most one run waiting behind the one running. */
    public void wake() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    scheduled.set(false);
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        if (!mqtt.isConnected()) {
            return;
        }
        try {
            while (QuarkusTransaction.requiringNew().call(this::sendBatch) == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused: %s", e.getMessage());
        }
    }

    private int sendBatch() throws Exception {
        List<Long> sent = new ArrayList<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select seq, topic, payload from outbox_event "
                    + "where published_at is null order by seq limit ? for update skip locked")) {
                ps.setInt(1, BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sent.add(rs.getLong(1));
                        acks.add(mqtt.publish(rs.getString(2), rs.getString(3).getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            if (sent.isEmpty()) {
                return 0;
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try (PreparedStatement ps = c.prepareStatement(
                    "update outbox_event set published_at = now() where seq = any (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", sent.toArray()));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sent.size();
    }
}
