package org.pilotline.mes.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.localplant.BrokerAccount;
import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalBroker;
import org.pilotline.mes.localplant.LocalKeycloak;
import org.pilotline.mes.localplant.LocalPlant;
import org.pilotline.mes.localplant.LocalPostgres;
import org.pilotline.mes.localplant.PlantAccounts;
import org.pilotline.mes.localplant.TempDirs;

/**
 * The whole plant on free ports: PostgreSQL with one database per service, the MQTT broker, Keycloak with the
 * mes realm, the four services and the gateway, each as its own process. Started once for all system tests.
 */
final class Plant {

    private static Plant instance;

    final Path root = Path.of(System.getProperty("mes.project.root", "../.."));
    final Path logs = root.resolve("services/system-tests/target/plant-logs");
    final LocalPostgres postgres;
    final LocalBroker broker;
    /** The broker accounts of the services, the gateway and the simulator, as ./mes up makes them. */
    final PlantAccounts accounts = PlantAccounts.forTests("it-");
    /** The tests' own broker account: plays machines and forgers; may publish and read anything. */
    static final BrokerAccount HARNESS = new BrokerAccount("it-harness", "it-harness-secret", List.of("#"),
            List.of("#"));
    final LocalKeycloak keycloak;
    private final List<AppProcess> apps = new ArrayList<>();
    private final Path data;
    final String gateway;
    /** Base URLs of the four services, by name (direct, not through the gateway). */
    final Map<String, String> services = new HashMap<>();

    private Plant() throws IOException {
        data = TempDirs.create("mes-system-test");
        postgres = new LocalPostgres(data.resolve("postgres"), FreePorts.find(), false).start();
        LocalPlant.DATABASES.forEach(postgres::createDatabase);
        List<BrokerAccount> brokerAccounts = new ArrayList<>(accounts.accounts());
        brokerAccounts.add(HARNESS);
        // persistent, as a plant's broker is: queued messages of offline sessions survive its restart
        broker = new LocalBroker(FreePorts.find(), data.resolve("broker")).withAccounts(brokerAccounts).start();
        keycloak = new LocalKeycloak(LocalKeycloak.distributionUnder(root), FreePorts.find(), true,
                logs.resolve("keycloak.log")).start(Duration.ofMinutes(4));

        Map<String, String> common = Map.of(
                "MES_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.port(),
                "MES_MQTT_URL", broker.url(),
                "MES_OIDC_URL", keycloak.issuer());
        Map<String, Integer> ports = new HashMap<>();
        for (String service : List.of("work-orders", "equipment", "genealogy", "quality")) {
            ports.put(service, FreePorts.find());
        }
        for (String service : ports.keySet()) {
            Map<String, String> env = new HashMap<>(common);
            env.put("MES_MQTT_USERNAME", service);
            env.put("MES_MQTT_PASSWORD", accounts.password(service));
            env.put("MES_QUALITY_URL", "http://127.0.0.1:" + ports.get("quality"));
            env.put("MES_EQUIPMENT_URL", "http://127.0.0.1:" + ports.get("equipment"));
            apps.add(AppProcess.start(service, root.resolve("services/" + service), ports.get(service), env, logs));
        }
        Map<String, String> gatewayEnv = new HashMap<>(common);
        gatewayEnv.put("MES_MQTT_USERNAME", PlantAccounts.GATEWAY);
        gatewayEnv.put("MES_MQTT_PASSWORD", accounts.password(PlantAccounts.GATEWAY));
        ports.forEach((service, port) -> gatewayEnv.put("MES_" + service.toUpperCase().replace('-', '_') + "_URL",
                "http://127.0.0.1:" + port));
        AppProcess gw = AppProcess.start("gateway", root.resolve("gateway"), FreePorts.find(), gatewayEnv, logs);
        apps.add(gw);
        for (AppProcess app : apps) {
            app.awaitReady(Duration.ofMinutes(2));
        }
        gateway = gw.url();
        ports.forEach((service, port) -> services.put(service, "http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** The simulator's options on this plant: its broker and account (it plays every machine of the line). */
    String[] simulatorArgs(String... options) {
        List<String> args = new ArrayList<>(List.of("--broker", broker.url(), "--username", PlantAccounts.SIMULATOR,
                "--password", accounts.password(PlantAccounts.SIMULATOR)));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    /** One of the applications, by name (work-orders, equipment, genealogy, quality, gateway). */
    AppProcess app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no application " + name));
    }

    static synchronized Plant get() throws IOException {
        if (instance == null) {
            instance = new Plant();
        }
        return instance;
    }

    private void stop() {
        apps.forEach(AppProcess::close);
        keycloak.close();
        broker.close();
        postgres.close();
        TempDirs.delete(data);
    }
}
