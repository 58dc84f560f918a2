package org.pilotline.mes.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.localplant.BrokerAccount;
import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalBroker;
import org.pilotline.mes.localplant.LocalPostgres;
import org.pilotline.mes.localplant.PlantAccounts;
import org.pilotline.mes.localplant.TempDirs;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real servers for a service's tests, on free ports: PostgreSQL and an MQTT broker. The broker has the plant's
 * accounts, so the service under test logs in as itself and reaches only its own topics, as in the plant; the
 * tests' own client ({@link TestMqtt}) plays the machines and the other services with an account that may do
 * anything. Token validation uses the test public key (see {@link TestTokens}). Started once per test JVM, i.e.
 * once per module.
 */
public class PlantTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres postgres;
    private static LocalBroker broker;
    private static Path dir;

    /** The services' broker passwords here: this prefix and the service's name. */
    static final String PASSWORD_PREFIX = "test-";
    /** The tests' own broker account: publishes and reads everything (a machine, another service, a forger). */
    static final BrokerAccount HARNESS = new BrokerAccount("test-harness", "test-harness-secret", List.of("#"),
            List.of("#"));

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            dir = TempDirs.create("mes-test-plant");
            postgres = new LocalPostgres(dir.resolve("postgres"), FreePorts.find(), false).start();
            postgres.createDatabase("mes_test");
            List<BrokerAccount> accounts = new ArrayList<>(PlantAccounts.forTests(PASSWORD_PREFIX).accounts());
            accounts.add(HARNESS);
            broker = new LocalBroker(FreePorts.find(), null).withAccounts(accounts).start();
            Runtime.getRuntime().addShutdownHook(new Thread(PlantTestResource::shutdown));
        }
        Map<String, String> config = new HashMap<>(OidcTestResource.oidcConfig());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("mes_test"));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        config.put("mes.mqtt.url", broker.url());
        config.put("mes.mqtt.password", PASSWORD_PREFIX + "${mes.service}");
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
