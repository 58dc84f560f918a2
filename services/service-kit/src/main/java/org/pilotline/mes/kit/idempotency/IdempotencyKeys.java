package org.pilotline.mes.kit.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.pilotline.mes.kit.config.MesConfig;
import org.pilotline.mes.kit.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The table of applied idempotency keys ({@code idempotency_key}). A key is claimed by inserting its row first in the
 * business transaction and given its answer at the end of it, so a key and its change commit together or not at all.
 * The primary key (user, key) makes an identical request arriving meanwhile wait until the first commits (it then
 * finds the answer) or rolls back (it then claims the key itself). Rows older than
 * {@code mes.idempotency.retention} are deleted every hour.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    private final AgroalDataSource db;
    private final ObjectMapper json;
    private final Duration retention;

    IdempotencyKeys(AgroalDataSource db, ObjectMapper json, MesConfig config) {
        this.db = db;
        this.json = json;
        this.retention = config.idempotency().retention();
    }

    /** A request under a key: whose key, and what the request asked (method, path with query, SHA-256 of the body). */
    public record Claim(String actorId, String key, String method, String target, String bodySha256) {
        String request() {
            return method + " " + target;
        }
    }

    /**
     * Claims the key for this request in the current transaction, or finds the request that already has it.
     *
     * @return empty when claimed (apply the request), or the answer of the same request applied before (replay it)
     * @throws ProblemException 422 idempotency-key-reused when the key was used for another request or another body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredAnswer> claim(Claim claim) {
        try (Connection c = db.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insert(c, claim)) {
                    return Optional.empty();
                }
                Optional<StoredAnswer> earlier = earlier(c, claim);
                if (earlier.isPresent()) {
                    return earlier;
                }
                // cleaned up between the insert and the read: claim it again
            }
            throw new IllegalStateException("could not claim idempotency key " + claim.key());
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim an idempotency key", e);
        }
    }

    /** Keeps the answer of the claimed request, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answer(Claim claim, StoredAnswer answer) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("update idempotency_key set status = ?, content_type = ?, "
                        + "headers = ?, body = ? where actor_id = ? and idempotency_key = ?")) {
            ps.setInt(1, answer.status());
            ps.setString(2, answer.contentType());
            ps.setString(3, json.writeValueAsString(answer.headers()));
            ps.setBytes(4, answer.body());
            ps.setString(5, claim.actorId());
            ps.setString(6, claim.key());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("idempotency key " + claim.key() + " was not claimed");
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the answer of an idempotency key", e);
        }
    }

    /** Forgets keys older than the retention: a client repeats a request within minutes, not days. */
    @Scheduled(every = "${mes.idempotency.clean-up-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUp() {
        int deleted = QuarkusTransaction.requiringNew().call(this::forgetExpired);
        if (deleted > 0) {
            LOG.debugf("forgot %d idempotency keys older than %s", deleted, retention);
        }
    }

    /** Deletes the keys older than the retention; a request sent with one again is a new request. */
    public int forgetExpired() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "delete from idempotency_key where created_at < now() - ? * interval '1 second'")) {
            ps.setLong(1, retention.toSeconds());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not clean up idempotency keys", e);
        }
    }

    /** Waits, on the primary key, for a transaction holding the same key to end. */
    private static boolean insert(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into idempotency_key (actor_id, idempotency_key, "
                + "method, target, body_sha256) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, claim.actorId());
            ps.setString(2, claim.key());
            ps.setString(3, claim.method());
            ps.setString(4, claim.target());
            ps.setString(5, claim.bodySha256());
            return ps.executeUpdate() == 1;
        }
    }

    private Optional<StoredAnswer> earlier(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select method, target, body_sha256, status, content_type, "
                + "headers, body, created_at from idempotency_key where actor_id = ? and idempotency_key = ?")) {
            ps.setString(1, claim.actorId());
            ps.setString(2, claim.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String request = rs.getString("method") + " " + rs.getString("target");
                if (!request.equals(claim.request())) {
                    throw reused("Idempotency-Key " + claim.key() + " was used for " + request + " at "
                            + rs.getTimestamp("created_at").toInstant() + "; a key names one request, not "
                            + claim.request());
                }
                if (!rs.getString("body_sha256").equals(claim.bodySha256())) {
                    throw reused("Idempotency-Key " + claim.key() + " was used for " + request + " at "
                            + rs.getTimestamp("created_at").toInstant() + " with another body");
                }
                if (rs.getObject("status") == null) {
                    throw new IllegalStateException("idempotency key " + claim.key() + " claimed twice in a request");
                }
                return Optional.of(new StoredAnswer(rs.getInt("status"), rs.getString("content_type"),
                        json.readValue(rs.getString("headers"), HEADERS), rs.getBytes("body")));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable headers of idempotency key " + claim.key(), e);
        }
    }

    private static ProblemException reused(String detail) {
        return new ProblemException(422, "idempotency-key-reused", "Idempotency key reused", detail);
    }
}
