package org.pilotline.mes.kit.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.kit.security.Actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * The service's append-only audit log (design brief, section 3). A record joins the caller's transaction, so a
 * change and its audit row commit together or not at all. Rows are chained under a transaction-scoped advisory
 * lock, which keeps the chain a single line when requests run in parallel.
 */
@ApplicationScoped
public class AuditTrail {

    private static final long CHAIN_LOCK = 0x4d45535f41554454L; // "MES_AUDT"

    private final AgroalDataSource db;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    AuditTrail(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Records a change; {@code oldValue}/{@code newValue} are any objects, stored as JSON. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(Actor actor, String action, String entityType, String entityId, Object oldValue,
            Object newValue, String reason) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String oldJson = toJson(oldValue);
        String newJson = toJson(newValue);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CHAIN_LOCK);
                lock.execute();
            }
            String prev = AuditChain.GENESIS;
            try (PreparedStatement last = c.prepareStatement("select hash from audit_log order by seq desc limit 1");
                    ResultSet rs = last.executeQuery()) {
                if (rs.next()) {
                    prev = rs.getString(1);
                }
            }
            String hash = AuditChain.hash(prev, at, actor.id(), actor.name(), action, entityType, entityId, oldJson,
                    newJson, reason);
            try (PreparedStatement ins = c.prepareStatement("insert into audit_log (at, actor_id, actor_name, action, "
                    + "entity_type, entity_id, old_value, new_value, reason, prev_hash, hash) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?) returning seq")) {
                ins.setTimestamp(1, Timestamp.from(at));
                ins.setString(2, actor.id());
                ins.setString(3, actor.name());
                ins.setString(4, action);
                ins.setString(5, entityType);
                ins.setString(6, entityId);
                ins.setString(7, oldJson);
                ins.setString(8, newJson);
                ins.setString(9, reason);
                ins.setString(10, prev);
                ins.setString(11, hash);
                try (ResultSet rs = ins.executeQuery()) {
                    rs.next();
                    return new AuditEntry(rs.getLong(1), at, actor.id(), actor.name(), action, entityType, entityId,
                            oldJson, newJson, reason, prev, hash);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit trail", e);
        }
    }

    /** Rows of one entity (or all when entityType is null), oldest first. */
    public List<AuditEntry> find(String entityType, String entityId, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_log");
        List<String> args = new ArrayList<>();
        if (entityType != null) {
            sql.append(" where entity_type = ?");
            args.add(entityType);
            if (entityId != null) {
                sql.append(" and entity_id = ?");
                args.add(entityId);
            }
        }
        sql.append(" order by seq offset ? limit ?");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String a : args) {
                ps.setString(i++, a);
            }
            ps.setInt(i++, offset);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    public long count(String entityType, String entityId) {
        String sql = entityType == null ? "select count(*) from audit_log"
                : entityId == null ? "select count(*) from audit_log where entity_type = ?"
                        : "select count(*) from audit_log where entity_type = ? and entity_id = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (entityType != null) {
                ps.setString(1, entityType);
                if (entityId != null) {
                    ps.setString(2, entityId);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    /** Recomputes the whole chain; the first row whose link or hash does not match breaks it. */
    public ChainVerification verify() {
        try (Connection c = db.getConnection()) {
            return verify(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    /**
     * The same check over any connection to a service database: also a database restored from a backup, before a
     * service runs on it.
     */
    public static ChainVerification verify(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from audit_log order by seq")) {
            ps.setFetchSize(1000);
            String expectedPrev = AuditChain.GENESIS;
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEntry e = row(rs);
                    rows++;
                    if (!e.prevHash().equals(expectedPrev)) {
                        return new ChainVerification(false, rows, e.seq(), "row " + e.seq()
                                + " does not link to the row before it: a row before it was removed or changed");
                    }
                    if (!AuditChain.hash(e).equals(e.hash())) {
                        return new ChainVerification(false, rows, e.seq(), "row " + e.seq()
                                + " does not match its hash: its content was changed");
                    }
                    expectedPrev = e.hash();
                }
            }
            return new ChainVerification(true, rows, null, "all " + rows + " rows link and match their hashes");
        }
    }

    private static AuditEntry row(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor_id"),
                rs.getString("actor_name"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("old_value"), rs.getString("new_value"),
                rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value is not JSON-serialisable", e);
        }
    }

    /** Result of {@link #verify()}. */
    public record ChainVerification(boolean valid, long rows, Long brokenAtSeq, String detail) {
    }
}
