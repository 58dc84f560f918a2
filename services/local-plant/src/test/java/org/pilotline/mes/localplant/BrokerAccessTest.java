package org.pilotline.mes.localplant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;

/**
 * The broker trusts no one it has not authenticated, and an account reaches only its own topics: a machine
 * cannot publish as another machine, a service cannot publish another service's events or read what it does not
 * consume. The same rules on Moquette (a JDK-only machine) and on Mosquitto (where installed).
 */
class BrokerAccessTest {

    private static final List<BrokerAccount> ACCOUNTS = List.of(
            BrokerAccount.service("work-orders", "wo-secret", List.of("equipment")),
            BrokerAccount.service("quality", "q-secret", List.of("work-orders", "equipment", "genealogy")),
            BrokerAccount.service("equipment", "eq-secret", List.of()),
            BrokerAccount.machine("PRESS-01", "press-secret"), BrokerAccount.machine("FORM-01", "form-secret"),
            new BrokerAccount("observer", "observer-secret", List.of(), List.of("#")));

    private static LocalBroker start(String kind) {
        LocalBroker broker = new LocalBroker(FreePorts.find(), null).withAccounts(ACCOUNTS);
        if (kind.equals("moquette")) {
            broker.moquette();
        } else {
            assumeTrue(MosquittoProcess.executable() != null && MosquittoProcess.dynamicSecurityPlugin() != null,
                    "Mosquitto with its dynamic-security plugin is not installed here");
        }
        return broker.start();
    }

    private static Mqtt3BlockingClient connect(LocalBroker broker, String user, String password) {
        Mqtt3BlockingClient c = Mqtt3Client.builder().serverHost("127.0.0.1").serverPort(broker.port())
                .buildBlocking();
        var connect = c.connectWith().cleanSession(true);
        if (user != null) {
            connect.simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        connect.send();
        return c;
    }

    private static void publish(LocalBroker broker, String user, String password, String topic) {
        Mqtt3BlockingClient c = connect(broker, user, password);
        try {
            c.toAsync().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(user.getBytes(StandardCharsets.UTF_8)).send().get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException refused) {
            // Mosquitto acknowledges and drops a refused publish; Moquette drops it without an acknowledgement
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (c.getState().isConnected()) {
                c.disconnect();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "moquette", "mosquitto" })
    void anonymousClientsAndWrongPasswordsAreRefused(String kind) {
        try (LocalBroker broker = start(kind)) {
            assertThrows(RuntimeException.class, () -> connect(broker, null, null), "anonymous");
            assertThrows(RuntimeException.class, () -> connect(broker, "PRESS-01", "guess"), "wrong password");
            connect(broker, "PRESS-01", "press-secret").disconnect();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "moquette", "mosquitto" })
    void anAccountPublishesOnlyUnderItsOwnTopics(String kind) throws Exception {
        try (LocalBroker broker = start(kind)) {
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            Mqtt3Client observer = Mqtt3Client.builder().serverHost("127.0.0.1").serverPort(broker.port()).build();
            observer.toBlocking().connectWith().simpleAuth().username("observer")
                    .password("observer-secret".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
            observer.toAsync().subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE)
                    .callback(m -> seen.add(m.getTopic() + " from " + new String(m.getPayloadAsBytes(),
                            StandardCharsets.UTF_8)))
                    .send().get(5, TimeUnit.SECONDS);

            publish(broker, "PRESS-01", "press-secret", "mes/v1/pilot/cell/L1/FORM-01/state"); // as another machine
            publish(broker, "quality", "q-secret", "mes/v1/events/work-orders/lot.decided"); // another's event
            publish(broker, "PRESS-01", "press-secret", "mes/v1/events/work-orders/lot.decided"); // a machine
            publish(broker, "PRESS-01", "press-secret", "mes/v1/pilot/cell/L1/PRESS-01/state");
            publish(broker, "quality", "q-secret", "mes/v1/events/quality/hold.placed");

            // what arrives, in order: only the two messages each account may send
            assertEquals("mes/v1/pilot/cell/L1/PRESS-01/state from PRESS-01", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("mes/v1/events/quality/hold.placed from quality", seen.poll(5, TimeUnit.SECONDS));
            assertNull(seen.poll(500, TimeUnit.MILLISECONDS), "nothing else got through");
            observer.toBlocking().disconnect();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "moquette", "mosquitto" })
    void anAccountSubscribesOnlyToWhatItConsumes(String kind) {
        try (LocalBroker broker = start(kind)) {
            Mqtt3BlockingClient press = connect(broker, "PRESS-01", "press-secret");
            assertThrows(Mqtt3SubAckException.class,
                    () -> press.subscribeWith().topicFilter("mes/v1/events/+/+").send(), "a machine reads no events");
            press.disconnect();

            Mqtt3BlockingClient workOrders = connect(broker, "work-orders", "wo-secret");
            var consumed = workOrders.subscribeWith().topicFilter("mes/v1/events/equipment/+").send();
            assertTrue(consumed.getReturnCodes().stream().noneMatch(c -> c == Mqtt3SubAckReturnCode.FAILURE));
            assertThrows(Mqtt3SubAckException.class,
                    () -> workOrders.subscribeWith().topicFilter("mes/v1/events/quality/+").send(),
                    "work-orders does not consume quality's events");
            workOrders.disconnect();
        }
    }

    /** What the equipment registry does when a machine is registered, and when its credential is revoked. */
    @ParameterizedTest
    @ValueSource(strings = { "moquette", "mosquitto" })
    void machineAccountsComeAndGoWhileTheBrokerRuns(String kind) throws Exception {
        try (LocalBroker broker = start(kind)) {
            assertThrows(RuntimeException.class, () -> connect(broker, "SEAL-07", "seal-secret"), "not yet issued");
            Mqtt3BlockingClient equipment = connect(broker, "equipment", "eq-secret");
            BlockingQueue<String> answers = new LinkedBlockingQueue<>();
            equipment.toAsync().subscribeWith().topicFilter(BrokerAccount.CONTROL + "/response")
                    .callback(m -> answers.add(new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8)))
                    .send().get(5, TimeUnit.SECONDS);
            control(equipment, """
                    {"commands":[{"command":"createRole","rolename":"SEAL-07","acls":[
                      {"acltype":"publishClientSend","topic":"mes/v1/pilot/assembly/L1/SEAL-07/#","allow":true}]},
                     {"command":"createClient","username":"SEAL-07","password":"seal-secret",
                      "roles":[{"rolename":"SEAL-07"}],"correlationData":"c1"}]}""");
            String answer = answers.poll(5, TimeUnit.SECONDS);
            assertTrue(answer != null && answer.contains("createClient") && !answer.contains("error"), answer);

            Mqtt3BlockingClient seal = connect(broker, "SEAL-07", "seal-secret");
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            Mqtt3BlockingClient observer = connect(broker, "observer", "observer-secret");
            observer.toAsync().subscribeWith().topicFilter("mes/v1/#").callback(m -> seen.add(m.getTopic().toString()))
                    .send().get(5, TimeUnit.SECONDS);
            seal.publishWith().topic("mes/v1/pilot/assembly/L1/SEAL-07/state").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{}".getBytes(StandardCharsets.UTF_8)).send();
            assertEquals("mes/v1/pilot/assembly/L1/SEAL-07/state", seen.poll(5, TimeUnit.SECONDS));

            control(equipment, """
                    {"commands":[{"command":"deleteClient","username":"SEAL-07"},
                     {"command":"deleteRole","rolename":"SEAL-07"}]}""");
            assertTrue(answers.poll(5, TimeUnit.SECONDS) != null, "the broker answered the revocation");
            try {
                seal.toAsync().publishWith().topic("mes/v1/pilot/assembly/L1/SEAL-07/state")
                        .qos(MqttQos.AT_LEAST_ONCE).payload("{}".getBytes(StandardCharsets.UTF_8)).send()
                        .get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException dropped) {
                // Mosquitto disconnects a deleted client; Moquette refuses its publishes
            }
            assertNull(seen.poll(1, TimeUnit.SECONDS), "a revoked machine publishes nothing");
            assertThrows(RuntimeException.class, () -> connect(broker, "SEAL-07", "seal-secret"), "revoked");

            assertThrows(RuntimeException.class, () -> {
                Mqtt3BlockingClient press = connect(broker, "PRESS-01", "press-secret");
                press.subscribeWith().topicFilter(BrokerAccount.CONTROL + "/response").send();
            }, "a machine reads no control answers");
            equipment.disconnect();
            observer.disconnect();
        }
    }

    private static void control(Mqtt3BlockingClient client, String commands) {
        client.publishWith().topic(BrokerAccount.CONTROL).qos(MqttQos.AT_LEAST_ONCE)
                .payload(commands.getBytes(StandardCharsets.UTF_8)).send();
    }
}
