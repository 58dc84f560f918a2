package org.pilotline.mes.localplant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A real Keycloak from its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by this
 * module's build into {@code target/keycloak}), started in development mode with the {@code mes} realm imported.
 */
public final class LocalKeycloak implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalKeycloak.class.getName());
    public static final String REALM = "mes";
    public static final String REALM_RESOURCE = "keycloak/mes-realm.json";

    private final Path home;
    private final int port;
    private final boolean inMemory;
    private final Path log;
    private Process process;

    /**
     * @param home the unpacked distribution (the folder holding bin/kc.sh)
     * @param inMemory true for tests: a fresh realm on every start; false keeps users' changes in home/data
     */
    public LocalKeycloak(Path home, int port, boolean inMemory, Path log) {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.inMemory = inMemory;
        this.log = log.toAbsolutePath();
    }

    /** The distribution unpacked by the local-plant build, found from a checkout's root. */
    public static Path distributionUnder(Path projectRoot) {
        Path dir = projectRoot.resolve("services/local-plant/target/keycloak");
        try (var list = Files.list(dir)) {
            return list.filter(p -> Files.exists(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak in " + dir));
        } catch (IOException e) {
            throw new IllegalStateException("no Keycloak in " + dir + ": build services/local-plant first", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public synchronized LocalKeycloak start(Duration timeout) {
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            try (InputStream realm = LocalKeycloak.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
                Files.copy(realm, imports.resolve("mes-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(log.getParent());
            List<String> cmd = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm",
                    "--db=" + (inMemory ? "dev-mem" : "dev-file"), "--cache=local");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = pb.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            env.putIfAbsent("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            process = pb.start();
            waitForRealm(timeout);
            LOG.info(() -> "Keycloak ready at " + issuer());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    private void waitForRealm(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + timeout + ", see " + log);
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        // kc.sh starts java as its child: stop the whole tree
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
