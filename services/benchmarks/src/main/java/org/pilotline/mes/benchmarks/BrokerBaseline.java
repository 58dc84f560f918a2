package org.pilotline.mes.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.pilotline.mes.simulator.Simulator;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;

/**
 * What the broker alone carries on this machine, QoS 1 end to end: the same publisher the MES run uses (the
 * simulator) into a subscriber that acknowledges each message as it arrives; and mosquitto_pub into mosquitto_sub,
 * the command-line tools, where installed.
 */
final class BrokerBaseline {

    private BrokerBaseline() {
    }

    /** Messages per second from the simulator's first publish to the subscriber's last receipt. */
    static double simulatorToSubscriber(BenchBroker broker, long messages) throws InterruptedException {
        URI uri = URI.create(broker.url());
        Mqtt3AsyncClient sub = Mqtt3Client.builder().identifier("bench-sub-" + UUID.randomUUID())
                .serverHost(uri.getHost()).serverPort(uri.getPort()).simpleAuth()
                .username(BenchBroker.PROBE.username())
                .password(BenchBroker.PROBE.password().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .applySimpleAuth().buildAsync();
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        sub.publishes(MqttGlobalPublishFilter.ALL, p -> {
            if (received.incrementAndGet() == messages) {
                done.countDown();
            }
        });
        sub.connectWith().cleanSession(false).send().join();
        sub.subscribeWith().topicFilter("mes/v1/#").qos(MqttQos.AT_LEAST_ONCE).send().join();
        long start = System.nanoTime();
        new Simulator(broker.simulatorArgs("--mix", "data", "--rate", "0", "--count", Long.toString(messages),
                "--bad-every", "0", "--client-id", "bench-baseline")).run(false);
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("baseline subscriber got " + received.get() + " of " + messages);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sub.disconnect().join();
        return messages / seconds;
    }

    /**
     * mosquitto_pub (one message repeated, QoS 1, 1,000 in flight) into mosquitto_sub: messages per second over
     * what arrived, until all did or nothing came for a while. NaN when the tools are missing.
     */
    static Tools mosquittoTools(BenchBroker broker, long messages, Path dir) throws IOException, InterruptedException {
        if (!BenchBroker.onPath("mosquitto_pub") || !BenchBroker.onPath("mosquitto_sub")) {
            return new Tools(Double.NaN, 0);
        }
        String port = Integer.toString(broker.port());
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-u",
                BenchBroker.PROBE.username(), "-P", BenchBroker.PROBE.password(), "-q", "1", "-t",
                "bench/tools", "-C", Long.toString(messages)).redirectError(dir.resolve("mosquitto_sub.log").toFile())
                .start();
        AtomicLong received = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(sub.getInputStream()))) {
                while (lines.readLine() != null) {
                    received.incrementAndGet();
                    lastAt.set(System.nanoTime());
                }
            } catch (IOException e) {
                // the subscriber ended
            }
        });
        reader.start();
        BenchBroker.sleep(500); // subscribed before the first message
        long start = System.nanoTime();
        String message = "{\"eventId\":\"x\",\"ts\":\"2026-11-24T08:00:00Z\",\"values\":{\"rollGapUm\":90.0,"
                + "\"lineForceKNm\":1.5,\"rollTempC\":80.0}}";
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-u",
                BenchBroker.PROBE.username(), "-P", BenchBroker.PROBE.password(), "-q", "1", "-t",
                "bench/tools", "-M", "1000", "-m", message, "--repeat", Long.toString(messages))
                .redirectError(dir.resolve("mosquitto_pub.log").toFile()).start();
        long seen = -1;
        while (received.get() < messages && received.get() != seen) {
            seen = received.get();
            BenchBroker.sleep(seen == 0 ? 5000 : 2000);
        }
        sub.destroy();
        pub.destroy();
        reader.join(5000);
        double seconds = (lastAt.get() - start) / 1e9;
        return new Tools(received.get() / seconds, received.get());
    }

    /** The command-line tools' rate and how many of the messages arrived. */
    record Tools(double rate, long received) {
    }
}
