package org.pilotline.mes.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;

/** Messages set aside with the reason they could not be processed, and a metric that counts them. */
@ApplicationScoped
public class DeadLetters {

    private final AgroalDataSource db;
    private final MeterRegistry metrics;

    DeadLetters(AgroalDataSource db, MeterRegistry metrics) {
        this.db = db;
        this.metrics = metrics;
    }

    /** In a transaction of its own: the message's own transaction has rolled back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String topic, byte[] payload, String category, String reason) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into dead_letter (topic, payload, reason, encoding) values (?, ?, ?, ?)")) {
            ps.setString(1, topic);
            ps.setString(2, asText(payload));
            ps.setString(3, category + ": " + reason);
            ps.setString(4, isText(payload) ? "utf-8" : "base64");
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a dead letter", e);
        }
        metrics.counter("mes.mqtt.dead.letters", "reason", category).increment();
    }

    /**
     * Binary payloads (Sparkplug B is protobuf) are kept whole as base64; text keeps its characters, and NUL, the
     * one character PostgreSQL text cannot hold, becomes U+FFFD.
     */
    static String asText(byte[] payload) {
        return isText(payload) ? new String(payload, StandardCharsets.UTF_8).replace('\0', '\uFFFD')
                : java.util.Base64.getEncoder().encodeToString(payload);
    }

    private static boolean isText(byte[] payload) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(payload));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    public List<DeadLetter> latest(int offset, int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select * from dead_letter order by id desc offset ? limit ?")) {
            ps.setInt(1, offset);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<DeadLetter> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new DeadLetter(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                            rs.getString("topic"), rs.getString("payload"), rs.getString("encoding"),
                            rs.getString("reason")));
                }
                return list;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from dead_letter");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param encoding utf-8, or base64 for a binary payload */
    public record DeadLetter(long id, Instant receivedAt, String topic, String payload, String encoding,
            String reason) {
    }
}
