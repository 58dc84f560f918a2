package org.pilotline.mes.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalBroker;

/**
 * The broker the benchmark measures against: Mosquitto when it is installed (the baseline the design brief names),
 * configured so that its own defaults are not what is measured (20 messages in flight, 1,000 queued per client,
 * beyond which it drops): 1,000 in flight and 10 million queued; otherwise the Moquette broker ./mes up uses.
 */
final class BenchBroker implements AutoCloseable {

    private final int port;
    private final String kind;
    private Process mosquitto;
    private LocalBroker moquette;

    private BenchBroker(int port, String kind) {
        this.port = port;
        this.kind = kind;
    }

    static BenchBroker start(Path dir) {
        int port = FreePorts.find();
        if (onPath("mosquitto")) {
            BenchBroker b = new BenchBroker(port, "Mosquitto " + version());
            try {
                Path conf = dir.resolve("mosquitto.conf");
                Files.writeString(conf, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
                        "persistence false", "max_inflight_messages 1000", "max_queued_messages 10000000",
                        "log_type error", ""));
                b.mosquitto = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            waitForPort(port);
            return b;
        }
        BenchBroker b = new BenchBroker(port, "Moquette 0.17 (no mosquitto on this machine)");
        b.moquette = new LocalBroker(port, null).start();
        return b;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    String kind() {
        return kind;
    }

    boolean isMosquitto() {
        return mosquitto != null;
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }

    private static String version() {
        try {
            Process p = new ProcessBuilder("mosquitto", "-h").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(5, TimeUnit.SECONDS);
            return out.lines().filter(l -> l.contains("version")).findFirst().map(l -> l.replaceAll(".*version ", ""))
                    .orElse("");
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static void waitForPort(int port) {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                sleep(100);
            }
        }
        throw new IllegalStateException("broker did not open port " + port);
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
        if (mosquitto != null) {
            mosquitto.destroy();
        }
        if (moquette != null) {
            moquette.close();
        }
    }
}
