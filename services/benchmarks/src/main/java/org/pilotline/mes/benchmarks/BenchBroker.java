package org.pilotline.mes.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalBroker;

/**
 * The broker the benchmark measures against: the one ./mes up runs, on a free port (Mosquitto when it is installed,
 * the baseline the design brief names, sized with 1,000 messages in flight and a million queued per client;
 * otherwise Moquette).
 */
final class BenchBroker implements AutoCloseable {

    private final LocalBroker broker;

    private BenchBroker(LocalBroker broker) {
        this.broker = broker;
    }

    static BenchBroker start() {
        return new BenchBroker(new LocalBroker(FreePorts.find(), null).start());
    }

    String url() {
        return broker.url();
    }

    int port() {
        return broker.port();
    }

    String kind() {
        return broker.isMosquitto() ? broker.kind() : broker.kind() + " (no mosquitto on this machine)";
    }

    boolean isMosquitto() {
        return broker.isMosquitto();
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
