package org.pilotline.mes.localplant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto, the broker a plant runs, as a child process on loopback. Its defaults are sized for small sites (20
 * messages in flight, 1,000 queued per client, beyond which it drops); a service that was down must find what the
 * line published meanwhile, so the queue holds a million per client.
 */
final class MosquittoProcess implements AutoCloseable {

    private static final Path[] PLACES = { Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"), Path.of("/opt/homebrew/sbin/mosquitto") };

    private final Process process;

    private MosquittoProcess(Process process) {
        this.process = process;
    }

    /** The installed mosquitto executable, or null. */
    static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mosquitto"))) {
                return Path.of(dir, "mosquitto");
            }
        }
        for (Path p : PLACES) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static final Path[] PLUGIN_PLACES = { Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib/mosquitto"), Path.of("/usr/local/lib"),
            Path.of("/opt/homebrew/lib") };

    /** Mosquitto's dynamic-security plugin (accounts and access rules, changeable while it runs), or null. */
    static Path dynamicSecurityPlugin() {
        for (Path dir : PLUGIN_PLACES) {
            Path plugin = dir.resolve("mosquitto_dynamic_security.so");
            if (Files.isReadable(plugin)) {
                return plugin;
            }
        }
        return null;
    }

    /** "Mosquitto 2.0.11", as the executable reports itself. */
    static String version(Path executable) {
        try {
            Process p = new ProcessBuilder(executable.toString(), "-h").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(5, TimeUnit.SECONDS);
            return "Mosquitto " + out.lines().filter(l -> l.contains("version")).findFirst()
                    .map(l -> l.replaceAll(".*version ", "").trim()).orElse("");
        } catch (IOException e) {
            return "Mosquitto";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Mosquitto";
        }
    }

    /**
     * @param dir holds the configuration and the log; with persistence, also the queued messages of offline sessions
     *        (saved every 10 s and on a clean stop)
     */
    static MosquittoProcess start(Path executable, int port, Path dir, boolean persistent,
            List<BrokerAccount> accounts) {
        try {
            Files.createDirectories(dir);
            List<String> conf = new ArrayList<>(List.of("listener " + port + " 127.0.0.1",
                    "allow_anonymous " + (accounts == null), "max_inflight_messages 1000",
                    "max_queued_messages 1000000", "max_packet_size 1048576", "set_tcp_nodelay true",
                    "log_type error", "log_type warning", "log_dest stderr"));
            if (accounts != null) {
                // the plant's own accounts as configured now; what changed at run time (machine accounts) is kept
                Path security = dir.resolve(LocalBroker.SECURITY_FILE);
                DynamicSecurity file = DynamicSecurity.read(security);
                accounts.forEach(file::put);
                file.write(security);
                conf.addAll(List.of("plugin " + dynamicSecurityPlugin(),
                        "plugin_opt_config_file " + security.toAbsolutePath()));
            }
            if (persistent) {
                conf.addAll(List.of("persistence true", "persistence_location " + dir.toAbsolutePath() + "/",
                        "autosave_interval 10"));
            } else {
                conf.add("persistence false");
            }
            if ("root".equals(System.getProperty("user.name"))) {
                conf.add("user root"); // otherwise it drops to a user that cannot write the data folder
            }
            Path file = dir.resolve("mosquitto.conf");
            Files.write(file, conf);
            Process p = new ProcessBuilder(executable.toString(), "-c", file.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
            MosquittoProcess m = new MosquittoProcess(p);
            m.awaitPort(port, dir.resolve("mosquitto.log"));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start mosquitto on port " + port, e);
        }
    }

    private void awaitPort(int port, Path log) throws IOException {
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited at start: " + Files.readString(log));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while mosquitto started", e);
                }
            }
        }
        close();
        throw new IllegalStateException("mosquitto did not open port " + port + " in 10 s");
    }

    /** SIGTERM: mosquitto saves its persistent sessions and exits. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
