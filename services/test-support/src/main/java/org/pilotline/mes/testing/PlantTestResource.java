package org.pilotline.mes.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalBroker;
import org.pilotline.mes.localplant.LocalPostgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real servers for a service's tests, on free ports: PostgreSQL and an MQTT broker. Token validation uses the
 * test public key (see {@link TestTokens}). Started once per test JVM, i.e. once per module.
 */
public class PlantTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres postgres;
    private static LocalBroker broker;
    private static Path dir;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            try {
                dir = Files.createTempDirectory("mes-test-plant",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            postgres = new LocalPostgres(dir.resolve("postgres"), FreePorts.find(), false).start();
            postgres.createDatabase("mes_test");
            broker = new LocalBroker(FreePorts.find(), null).start();
            Runtime.getRuntime().addShutdownHook(new Thread(PlantTestResource::shutdown));
        }
        Map<String, String> config = new HashMap<>(OidcTestResource.oidcConfig());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("mes_test"));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        config.put("mes.mqtt.url", broker.url());
        return config;
    }

    @Override
    public void stop() {
        // servers live for the whole JVM: several test classes share them; the shutdown hook stops them
    }

    private static void shutdown() {
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: a temp folder
        }
    }
}
