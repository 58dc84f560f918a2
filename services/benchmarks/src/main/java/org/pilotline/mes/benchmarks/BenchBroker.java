package org.pilotline.mes.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.localplant.BrokerAccount;
import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalBroker;
import org.pilotline.mes.localplant.PlantAccounts;

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

    /** Measured as the plant runs it: every client logs in with its own account and topic rules. */
    private static final PlantAccounts ACCOUNTS = PlantAccounts.forTests("bench-");
    /** The baselines' clients: read every machine message; the tools' baseline publishes and reads bench/#. */
    static final BrokerAccount PROBE = new BrokerAccount("bench-probe", "bench-probe-secret", List.of("bench/#"),
            List.of("mes/v1/#", "bench/#"));

    static BenchBroker start() {
        List<BrokerAccount> accounts = new ArrayList<>(ACCOUNTS.accounts());
        accounts.add(PROBE);
        return new BenchBroker(new LocalBroker(FreePorts.find(), null).withAccounts(accounts).start());
    }

    String url() {
        return broker.url();
    }

    /** The environment of a service that connects to this broker as itself. */
    Map<String, String> serviceEnv(String service) {
        return Map.of("MES_MQTT_URL", url(), "MES_MQTT_USERNAME", service, "MES_MQTT_PASSWORD",
                ACCOUNTS.password(service));
    }

    /** The simulator's options on this broker, with its account, then the given ones. */
    String[] simulatorArgs(String... options) {
        List<String> args = new ArrayList<>(List.of("--broker", url(), "--username", PlantAccounts.SIMULATOR,
                "--password", ACCOUNTS.password(PlantAccounts.SIMULATOR)));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
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
