package org.pilotline.mes.kit.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.CloudEvent;
import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.kit.config.MesConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Publishes a domain event as part of the current transaction: the event is stored with the change and sent by
 * {@link OutboxRelay} after commit, so it exists if and only if the change committed.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource db;
    private final ObjectMapper json;
    private final String service;
    private final Event<OutboxWritten> written;
    private final Clock clock = Clock.systemUTC();

    Outbox(AgroalDataSource db, ObjectMapper json, MesConfig config, Event<OutboxWritten> written) {
        this.db = db;
        this.json = json;
        this.service = config.service();
        this.written = written;
    }

    /** @return the event's id */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent<Object> event = CloudEvent.of(id.toString(), service, type, subject, now, data);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into outbox_event (id, topic, payload) values (?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, Topics.event(service, type));
            ps.setString(3, json.writeValueAsString(event));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        written.fire(new OutboxWritten()); // observed after commit: wakes the relay
        return id;
    }

    /**
     * Publishes many events as part of the current transaction in one round trip to the database (the ingest
     * path); they are sent in list order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into outbox_event (id, topic, payload) values (?, ?, ?)")) {
            for (Pending e : events) {
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setString(2, Topics.event(service, e.type()));
                ps.setString(3, json.writeValueAsString(
                        CloudEvent.of(id.toString(), service, e.type(), e.subject(), now, e.data())));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        written.fire(new OutboxWritten());
    }

    /** An event to publish: type, subject (the business id it is about), data (a contract record). */
    public record Pending(String type, String subject, Object data) {
    }

    /** Fired when an event is added; the relay observes it after a successful commit. */
    public record OutboxWritten() {
    }
}
