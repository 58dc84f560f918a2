package org.pilotline.mes.equipment.persistence;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Machines' broker credentials: who may log in as which machine, as a hash only. */
@ApplicationScoped
public class CredentialStore {

    /** A machine's credential without its secret. revokedAt is null while it is valid. */
    public record Credential(String equipmentId, String username, Instant issuedAt, String issuedBy,
            Instant revokedAt, String revokedBy) {
    }

    private final AgroalDataSource db;

    CredentialStore(AgroalDataSource db) {
        this.db = db;
    }

    public Optional<Credential> find(String equipmentId) {
        return Jdbc.query(db, "select * from machine_credential where equipment_id = ?",
                ps -> ps.setString(1, equipmentId), rs -> new Credential(rs.getString("equipment_id"),
                        rs.getString("username"), Jdbc.instant(rs.getTimestamp("issued_at")),
                        rs.getString("issued_by"), Jdbc.instant(rs.getTimestamp("revoked_at")),
                        rs.getString("revoked_by")))
                .stream().findFirst();
    }

    /** Issues the credential, or replaces the one the machine had (revoked or not). */
    public void issue(String equipmentId, String username, String passwordHash, Instant at, String by) {
        Jdbc.update(db, """
                insert into machine_credential (equipment_id, username, password_hash, issued_at, issued_by)
                values (?, ?, ?, ?, ?)
                on conflict (equipment_id) do update set username = excluded.username,
                    password_hash = excluded.password_hash, issued_at = excluded.issued_at,
                    issued_by = excluded.issued_by, revoked_at = null, revoked_by = null""", ps -> {
            ps.setString(1, equipmentId);
            ps.setString(2, username);
            ps.setString(3, passwordHash);
            ps.setTimestamp(4, Jdbc.time(at));
            ps.setString(5, by);
        });
    }

    /** @return whether a valid credential was revoked */
    public boolean revoke(String equipmentId, Instant at, String by) {
        return Jdbc.update(db, "update machine_credential set revoked_at = ?, revoked_by = ? "
                + "where equipment_id = ? and revoked_at is null", ps -> {
                    ps.setTimestamp(1, Jdbc.time(at));
                    ps.setString(2, by);
                    ps.setString(3, equipmentId);
                }) == 1;
    }
}
