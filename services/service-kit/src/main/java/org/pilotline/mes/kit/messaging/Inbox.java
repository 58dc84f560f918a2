package org.pilotline.mes.kit.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/** Idempotent consumption: remembers processed message ids in the same transaction as their effect. */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource db;

    Inbox(AgroalDataSource db) {
        this.db = db;
    }

    /** True the first time an id is seen; false for a redelivery, whose effect is already committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String messageId) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into processed_message (message_id) values (?) on conflict do nothing")) {
            ps.setString(1, messageId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not consult the inbox", e);
        }
    }
}
