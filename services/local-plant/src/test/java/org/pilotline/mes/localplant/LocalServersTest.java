package org.pilotline.mes.localplant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;

/** The local servers are real: SQL runs on the database, QoS 1 messages cross the broker. */
class LocalServersTest {

    @Test
    void postgresRunsSqlInAFreshCluster() throws Exception {
        Path dir = TempDirs.create("mes-pg-test");
        try (LocalPostgres pg = new LocalPostgres(dir.resolve("data"), FreePorts.find(), false).start()) {
            pg.createDatabase("mes_probe");
            pg.createDatabase("mes_probe"); // a second time is a no-op, as ./mes up relies on
            try (var c = DriverManager.getConnection(pg.jdbcUrl("mes_probe"), "postgres", "");
                    var rs = c.createStatement().executeQuery("select current_database(), 6 * 7")) {
                rs.next();
                assertEquals("mes_probe", rs.getString(1));
                assertEquals(42, rs.getInt(2));
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Test
    void brokerAcceptsClientsWithoutAnIdAsMosquittoPubConnects() {
        try (LocalBroker broker = new LocalBroker(FreePorts.find(), null).start()) {
            var anonymous = Mqtt3Client.builder().serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
            anonymous.connectWith().cleanSession(true).send();
            anonymous.publishWith().topic("mes/v1/pilot/a/L1/EQ-1/state").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("x".getBytes(StandardCharsets.UTF_8)).send();
            anonymous.disconnect();
        }
    }

    @Test
    void brokerDeliversQos1MessagesQueuedForAnOfflinePersistentSession() throws Exception {
        try (LocalBroker broker = new LocalBroker(FreePorts.find(), null).start()) {
            var subscriber = Mqtt3Client.builder().identifier("probe-sub").serverHost("127.0.0.1")
                    .serverPort(broker.port()).buildBlocking();
            subscriber.connectWith().cleanSession(false).send();
            subscriber.subscribeWith().topicFilter("mes/v1/#").qos(MqttQos.AT_LEAST_ONCE).send();
            subscriber.disconnect();

            var publisher = Mqtt3Client.builder().identifier("probe-pub").serverHost("127.0.0.1")
                    .serverPort(broker.port()).buildBlocking();
            publisher.connect();
            publisher.publishWith().topic("mes/v1/pilot/a/L1/EQ-1/state").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("hello".getBytes(StandardCharsets.UTF_8)).send();
            publisher.disconnect();

            try (var publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
                subscriber.connectWith().cleanSession(false).send();
                var received = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
                assertEquals("mes/v1/pilot/a/L1/EQ-1/state", received.getTopic().toString());
                assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), received.getPayloadAsBytes());
            }
            subscriber.disconnect();
        }
    }
}
