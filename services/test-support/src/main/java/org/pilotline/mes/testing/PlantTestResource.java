package org.pilotline.mes.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalBroker;
import org.pilotline.mes.localplant.LocalPostgres;
import org.pilotline.mes.localplant.TempDirs;

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
            dir = TempDirs.create("mes-test-plant");
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
        TempDirs.delete(dir);
    }
}
