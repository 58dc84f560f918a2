package org.pilotline.mes.kit.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.config.MesConfig;
import org.pilotline.mes.kit.problem.ProblemException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Electronic signatures (design brief, section 3): the signer's token must show an authentication no older than
 * {@code mes.signature.max-auth-age}; the signature keeps printed name, user id, time, meaning and reason, and is
 * itself an audit record. Runs inside the caller's transaction, so it exists only if the signed change commits.
 */
@ApplicationScoped
public class ElectronicSignatures {

    private final AgroalDataSource db;
    private final AuditTrail audit;
    private final Duration maxAuthAge;
    private final Clock clock = Clock.systemUTC();

    ElectronicSignatures(AgroalDataSource db, AuditTrail audit, MesConfig config) {
        this.db = db;
        this.audit = audit;
        this.maxAuthAge = config.signature().maxAuthAge();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Signature sign(SecurityIdentity identity, String meaning, String reason, String entityType, String entityId) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new ProblemException(401, "signature-unauthenticated", "Signature needs a user", "No signer token");
        }
        if (meaning == null || meaning.isBlank() || reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("signature-incomplete", "A signature needs a meaning and a reason");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant authTime = authTime(jwt);
        if (authTime == null || authTime.isBefore(now.minus(maxAuthAge))) {
            throw new ProblemException(401, "signature-stale-authentication", "Fresh authentication required",
                    "An electronic signature needs a login within the last " + maxAuthAge.toMinutes()
                            + " minutes; log in again and sign");
        }
        Actor signer = Actor.of(identity);
        String printedName = jwt.getClaim("name") != null ? jwt.getClaim("name") : signer.name();
        Signature s = new Signature(UUID.randomUUID(), signer.id(), signer.name(), printedName, now,
                authTime.truncatedTo(ChronoUnit.MICROS), meaning.strip(), reason.strip(), entityType, entityId);
        insert(s);
        audit.record(signer, "signature.signed", entityType, entityId, null,
                Map.of("signatureId", s.id().toString(), "printedName", printedName, "meaning", s.meaning(),
                        "signedAt", now.toString(), "authTime", s.authTime().toString()),
                s.reason());
        return s;
    }

    private static Instant authTime(JsonWebToken jwt) {
        Object claim = jwt.getClaim("auth_time");
        if (claim instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        if (claim != null) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(claim.toString()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private void insert(Signature s) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into electronic_signature (id, signer_id, "
                        + "signer_name, printed_name, signed_at, auth_time, meaning, reason, entity_type, entity_id) "
                        + "values (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setObject(1, s.id());
            ps.setString(2, s.signerId());
            ps.setString(3, s.signerName());
            ps.setString(4, s.printedName());
            ps.setTimestamp(5, Timestamp.from(s.signedAt()));
            ps.setTimestamp(6, Timestamp.from(s.authTime()));
            ps.setString(7, s.meaning());
            ps.setString(8, s.reason());
            ps.setString(9, s.entityType());
            ps.setString(10, s.entityId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the signature", e);
        }
    }
}
