package org.pilotline.mes.localplant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The servers {@code ./mes up} needs and a fresh machine lacks, each started in the foreground until the process
 * is stopped (SIGTERM stops the servers cleanly):
 * <pre>
 *   database  --data DIR --port N            PostgreSQL, with one database per service
 *   broker    --port N [--data DIR] [--accounts FILE]   MQTT broker; with accounts (passwords kept in FILE)
 *                                            every client logs in and reaches only its own topics
 *   keycloak  --home DIR --port N --log F    Keycloak with the mes realm
 *   create-databases --url JDBC --user U [--password P]   the service databases on a server you run
 *   wait --url URL [--seconds N]   exits 0 once URL answers 200, 1 when N seconds pass first
 *   seed --gateway URL --issuer URL FILE...   loads seed files through the API as the users they name
 *   token --issuer URL --user U [--password P]   logs U in like a browser does and prints the access token
 * </pre>
 */
public final class LocalPlant {

    /** One database per service (design brief, section 2). */
    public static final List<String> DATABASES = List.of("mes_work_orders", "mes_equipment", "mes_genealogy",
            "mes_quality");

    private LocalPlant() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = options(args);
        switch (args[0]) {
            case "database" -> {
                LocalPostgres db = new LocalPostgres(Path.of(required(opts, "data")), port(opts), true).start();
                DATABASES.forEach(db::createDatabase);
                runUntilStopped(db);
            }
            case "broker" -> {
                Path data = opts.containsKey("data") ? Path.of(opts.get("data")) : null;
                LocalBroker broker = new LocalBroker(port(opts), data);
                if (opts.containsKey("accounts")) {
                    broker.withAccounts(PlantAccounts.load(Path.of(opts.get("accounts"))).accounts());
                }
                runUntilStopped(broker.start());
            }
            case "keycloak" -> {
                LocalKeycloak kc = new LocalKeycloak(Path.of(required(opts, "home")), port(opts), false,
                        Path.of(required(opts, "log")));
                runUntilStopped(kc.start(Duration.ofMinutes(5)));
            }
            case "wait" -> System.exit(HttpWait.until(required(opts, "url"),
                    java.time.Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "120")))) ? 0 : 1);
            case "token" -> System.out.println(OidcLogin.accessToken(required(opts, "issuer"),
                    required(opts, "user"), opts.getOrDefault("password", required(opts, "user"))));
            case "seed" -> seed(opts, args);
            case "create-databases" -> DATABASES.forEach(name -> LocalPostgres.createDatabase(
                    required(opts, "url"), opts.getOrDefault("user", "postgres"), opts.getOrDefault("password", ""),
                    name));
            default -> usage();
        }
    }

    private static void seed(Map<String, String> opts, String[] args) {
        String issuer = required(opts, "issuer");
        SeedLoader loader = new SeedLoader(required(opts, "gateway"), user -> OidcLogin.accessToken(issuer, user, user));
        for (String file : afterOptions(args)) {
            SeedLoader.Result r = loader.load(Path.of(file));
            System.out.println("  " + Path.of(file).getFileName() + ": " + r.created() + " created, " + r.skipped()
                    + " already there");
        }
    }

    private static void runUntilStopped(AutoCloseable server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("READY");
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i + 1 < args.length && args[i].startsWith("--"); i += 2) {
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    /** The arguments after the --name value pairs. */
    private static List<String> afterOptions(String[] args) {
        int i = 1;
        while (i + 1 < args.length && args[i].startsWith("--")) {
            i += 2;
        }
        return List.of(args).subList(i, args.length);
    }

    private static int port(Map<String, String> opts) {
        return Integer.parseInt(required(opts, "port"));
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            System.err.println("missing --" + name);
            usage();
        }
        return v;
    }

    private static void usage() {
        System.err.println("usage: LocalPlant database|broker|keycloak|create-databases [--option value]...");
        System.exit(2);
    }
}
