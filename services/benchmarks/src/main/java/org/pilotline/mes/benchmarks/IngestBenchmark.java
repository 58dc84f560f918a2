package org.pilotline.mes.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalPostgres;
import org.pilotline.mes.localplant.TempDirs;
import org.pilotline.mes.simulator.Simulator;

/**
 * Sustained equipment ingest: QoS 1 messages published flat out into the broker until the equipment service has
 * committed every one, against what the broker alone carries in the same run; lost and doubled messages; latency
 * from a message's timestamp to it being queryable at a steady rate; the service's start-up time and peak memory.
 * <p>
 * {@code ./mes bench ingest [--messages 200000] [--latency-rate 5000] [--latency-seconds 20]
 * [--db jdbc:postgresql://host:port --db-user postgres]}: without --db it starts its own PostgreSQL (durable, fsync
 * on); it uses Mosquitto when installed. Figures go to docs/benchmarks.md.
 */
public final class IngestBenchmark {

    private static final long MAX_AHEAD = 50_000;
    private static final long CHUNK = 10_000;

    private final long messages;
    private final int latencyRate;
    private final int latencySeconds;
    private final String externalDb;
    private final String dbUser;
    private final Path root;
    private final List<String> jvm;

    private IngestBenchmark(Map<String, String> o) {
        messages = Long.parseLong(o.getOrDefault("messages", "200000"));
        latencyRate = Integer.parseInt(o.getOrDefault("latency-rate", "5000"));
        latencySeconds = Integer.parseInt(o.getOrDefault("latency-seconds", "20"));
        externalDb = o.get("db");
        dbUser = o.getOrDefault("db-user", "postgres");
        root = Path.of(o.getOrDefault("root", ".")).toAbsolutePath().normalize();
        // the services' JVM options as ./mes up sets them (MES_JVM_OPTS)
        jvm = List.of(o.getOrDefault("jvm", System.getenv().getOrDefault("MES_JVM_OPTS", "-Xmx256m")).split("\\s+"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new IngestBenchmark(o).run();
        System.exit(0); // the MQTT clients' event loops would keep the JVM up a while longer
    }

    private void run() throws Exception {
        Path dir = TempDirs.create("mes-bench-ingest");
        Path logs = java.nio.file.Files.createDirectories(root.resolve("services/benchmarks/target/bench-logs"));
        LocalPostgres postgres = null;
        String server;
        String dbKind;
        if (externalDb == null) {
            postgres = new LocalPostgres(dir.resolve("postgres"), FreePorts.find(), true).start();
            server = "jdbc:postgresql://127.0.0.1:" + postgres.port();
            dbKind = "PostgreSQL 17 started by the benchmark (fsync on)";
        } else {
            server = externalDb;
            dbKind = "PostgreSQL at " + externalDb;
        }
        String db = "mes_bench_equipment";
        fresh(server, db);
        String jdbc = server + "/" + db;
        try (BenchBroker broker = BenchBroker.start()) {
            say("broker: " + broker.kind() + " at " + broker.url() + "; database: " + dbKind);
            say("baseline: mosquitto_pub -> mosquitto_sub, " + messages + " messages");
            BrokerBaseline.Tools tools = BrokerBaseline.mosquittoTools(broker, messages, dir);
            say(String.format("  %.0f messages/s, %d of %d arrived", tools.rate(), tools.received(), messages));
            say("baseline: simulator -> subscriber, " + messages + " messages");
            double direct = BrokerBaseline.simulatorToSubscriber(broker, messages);
            say(String.format("  %.0f messages/s", direct));
            ServiceUnderTest.start(root, "equipment", jvm, serviceProperties(jdbc), serviceEnv(broker),
                    logs.resolve("equipment-first-start.log")).close(); // migrates the empty database
            say("equipment migrated the database; now timing a restart");

            try (ServiceUnderTest service = ServiceUnderTest.start(root, "equipment", jvm, serviceProperties(jdbc),
                    serviceEnv(broker), logs.resolve("equipment.log"));
                    Connection c = DriverManager.getConnection(jdbc, dbUser, "")) {
                say(String.format("equipment ready in %.1f s", service.readySeconds()));
                say("MES: " + messages + " messages flat out, until all are committed");
                long start = System.nanoTime();
                Published published = publishAhead(c, broker);
                long stored = waitForCount(c, messages, start);
                double seconds = (System.nanoTime() - start) / 1e9;
                long samples = count(c, "select count(*) from process_value");
                long expected = published.samples();
                double sustained = stored / seconds;
                say(String.format("  %d of %d stored in %.1f s: %.0f messages/s", stored, messages, seconds,
                        sustained));

                say("latency: " + latencyRate + " messages/s for " + latencySeconds + " s");
                List<Long> latencies = latency(c, broker);
                double rss = service.peakResidentMiB();
                Collections.sort(latencies);
                String section = section(broker, dbKind, tools, direct, sustained, published.rate(), stored, samples,
                        expected, latencies, service.readySeconds(), rss);
                System.out.println(section);
                Path report = root.resolve("docs/benchmarks.md");
                Report.write(report, "ingest", section);
                say("written to " + report);
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            TempDirs.delete(dir);
        }
    }

    private List<String> serviceProperties(String jdbc) {
        // no Keycloak in this run: token checks off, else start-up waits 10 s for it (no requests come anyway)
        return List.of("-Dquarkus.datasource.jdbc.url=" + jdbc, "-Dquarkus.datasource.username=" + dbUser,
                "-Dmes.mqtt.client-id=mes-equipment-bench", "-Dquarkus.oidc.tenant-enabled=false");
    }

    private static Map<String, String> serviceEnv(BenchBroker broker) {
        Map<String, String> env = new java.util.HashMap<>(broker.serviceEnv("equipment"));
        env.put("MES_OIDC_URL", "http://127.0.0.1:9/realms/mes");
        return env;
    }

    /**
     * Publishes flat out in chunks, keeping at most {@link #MAX_AHEAD} messages ahead of what the service has
     * committed: Mosquitto 2.0 numbers a client's queued messages as it queues them, and past 65,535 queued it
     * reuses packet ids that are still unacknowledged, which the MQTT client takes as a protocol error.
     *
     * @return the publisher's own rate while it was publishing, and the process values it sent
     */
    private Published publishAhead(Connection c, BenchBroker broker) throws Exception {
        long published = 0;
        long samples = 0;
        double publishingSeconds = 0;
        while (published < messages) {
            long chunk = Math.min(CHUNK, messages - published);
            while (published - count(c, "select count(*) from equipment_message") > MAX_AHEAD - chunk) {
                BenchBroker.sleep(20);
            }
            Simulator.Result r = new Simulator(broker.simulatorArgs("--mix", "data", "--rate", "0", "--count",
                    Long.toString(chunk), "--bad-every", "0", "--client-id", "bench-mes")).run(false);
            published += r.sent();
            samples += Simulator.dataSamples(r.sent()); // each run starts again at the first machine
            publishingSeconds += r.seconds();
        }
        return new Published(published / publishingSeconds, samples);
    }

    private record Published(double rate, long samples) {
    }

    /** Polls until {@code target} messages are committed, or nothing moved for 30 s. */
    private static long waitForCount(Connection c, long target, long startNanos) throws SQLException {
        long last = -1;
        long lastMove = System.nanoTime();
        while (true) {
            long n = count(c, "select count(*) from equipment_message");
            if (n >= target) {
                return n;
            }
            if (n != last) {
                last = n;
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > 30e9) {
                say("  stalled at " + n + " after " + (System.nanoTime() - startNanos) / 1e9 + " s");
                return n;
            }
            BenchBroker.sleep(20);
        }
    }

    /**
     * Publishes at the steady rate while polling for newly committed messages every 10 ms: a message's latency is
     * the time it was first seen committed minus its own timestamp (taken by the publisher when it made it).
     */
    private List<Long> latency(Connection c, BenchBroker broker) throws Exception {
        long from = count(c, "select coalesce(max(id), 0) from equipment_message");
        long total = (long) latencyRate * latencySeconds;
        Thread publisher = new Thread(() -> {
            try {
                new Simulator(broker.simulatorArgs("--mix", "data", "--rate", Integer.toString(latencyRate),
                        "--count", Long.toString(total), "--bad-every", "0", "--client-id", "bench-latency",
                        "--seed", "2")).run(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        publisher.start();
        List<Long> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + (latencySeconds + 60) * 1_000_000_000L;
        try (PreparedStatement ps = c.prepareStatement("select id, (extract(epoch from ts) * 1000)::bigint "
                + "from equipment_message where id > ? order by id")) {
            while (latencies.size() < total && System.nanoTime() < deadline) {
                ps.setLong(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    long now = System.currentTimeMillis();
                    while (rs.next()) {
                        from = rs.getLong(1);
                        latencies.add(now - rs.getLong(2));
                    }
                }
                BenchBroker.sleep(10);
            }
        }
        publisher.join();
        return latencies;
    }

    private String section(BenchBroker broker, String dbKind, BrokerBaseline.Tools tools, double direct, double sustained,
            double publishRate, long stored, long samples, long expected, List<Long> latencies,
            double ready, double rss) {
        String cpu = Runtime.getRuntime().availableProcessors() + " cores";
        long lost = messages - stored;
        long doubled = samples - expected + Math.max(0, stored - messages);
        StringBuilder s = new StringBuilder();
        s.append("## Equipment ingest\n\n");
        s.append("Rerun: `./mes bench ingest` (options: `--messages`, `--latency-rate`, `--latency-seconds`, `--db`). ");
        s.append("Last run ").append(LocalDate.now()).append(" on this project's build machine (").append(cpu)
                .append(", everything on one machine): ").append(broker.kind()).append(", ").append(dbKind)
                .append(", the equipment service as packaged (`").append(String.join(" ", jvm))
                .append("`), the simulator publishing the data mix "
                        + "(process values of the 15 machines in turn, QoS 1, up to 1,000 unacknowledged).\n\n");
        s.append("| measure | MES | baseline in the same run | MES / baseline |\n|---|---|---|---|\n");
        s.append(String.format(Locale.ROOT, "| sustained ingest, published QoS 1 to committed, %,d messages | %,.0f msg/s "
                + "| simulator to a QoS 1 subscriber: %,.0f msg/s | %.2f |\n", messages, sustained, direct,
                sustained / direct));
        if (!Double.isNaN(tools.rate())) {
            s.append(String.format(Locale.ROOT, "| | | mosquitto_pub to mosquitto_sub: %,.0f msg/s%s | %.2f |\n",
                    tools.rate(), tools.received() < messages ? " (" + tools.received() + " of " + messages
                            + " arrived)" : "",
                    sustained / tools.rate()));
        }
        s.append(String.format(Locale.ROOT, "| lost / doubled | %d / %d | 0 / 0 | |\n", lost, doubled));
        s.append(String.format(Locale.ROOT, "| publisher's rate while it ran (it keeps at most %,d messages ahead) "
                + "| %,.0f msg/s | | |\n", MAX_AHEAD, publishRate));
        if (!latencies.isEmpty()) {
            s.append(String.format(Locale.ROOT, "| message to queryable at %,d msg/s (%,d messages): p50 / p95 / p99 / max "
                    + "| %d / %d / %d / %d ms | | |\n", latencyRate, latencies.size(), pct(latencies, 50),
                    pct(latencies, 95), pct(latencies, 99), latencies.get(latencies.size() - 1)));
        }
        s.append(String.format(Locale.ROOT, "| service restart to ready (JVM start to readiness 200, database migrated) "
                + "| %.1f s | | |\n", ready));
        s.append(String.format(Locale.ROOT, "| service peak resident memory | %.0f MiB | | |\n", rss));
        s.append("\nTargets (design brief, section 7): 20,000 messages/s sustained, none lost, none doubled; p99 "
                + "message-to-queryable under 500 ms at 5,000/s; ready in under 3 s; under 256 MB resident.\n");
        return s.toString();
    }

    private static long pct(List<Long> sorted, int p) {
        return Percentiles.pick(sorted, p);
    }

    private static void fresh(String server, String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db + " with (force)");
            s.execute("create database " + db);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void say(String line) {
        System.out.println("bench: " + line);
    }
}
