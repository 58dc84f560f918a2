package org.pilotline.mes.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.LocalKeycloak;
import org.pilotline.mes.localplant.LocalPostgres;
import org.pilotline.mes.localplant.OidcLogin;

/**
 * Genealogy at the scale of a year of 60 Ah production: backward trace of single cells and forward trace of raw
 * lots that fed 100,000 cells each, through the genealogy service's REST API (real token from Keycloak), against the
 * very same SQL (the service's own query files) run in psql on the same database in the same run.
 * <p>
 * {@code ./mes bench trace [--cells 1000000] [--samples 1000] [--data DIR] [--fresh false] [--jvm OPTS]}: generates
 * the year into its own PostgreSQL under DIR (default services/benchmarks/target/trace-db, kept between runs so a
 * rerun skips the generation; --fresh true makes it again). Figures go to docs/benchmarks.md.
 */
public final class TraceBenchmark {

    private static final String DB = "mes_bench_genealogy";
    /** The work_mem the service sets for its forward trace (GenealogyStore.FORWARD_WORK_MEM): the baseline's too. */
    private static final String FORWARD_WORK_MEM = "32MB";

    private final int cells;
    private final int samples;
    private final boolean fresh;
    private final Path root;
    private final Path data;
    private final List<String> jvm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TraceBenchmark(Map<String, String> o) {
        cells = Integer.parseInt(o.getOrDefault("cells", "1000000"));
        if (cells < 10_000 || cells % 1000 != 0) {
            throw new IllegalArgumentException("--cells: a multiple of 1,000, at least 10,000");
        }
        samples = Integer.parseInt(o.getOrDefault("samples", "1000"));
        fresh = Boolean.parseBoolean(o.getOrDefault("fresh", "false"));
        root = Path.of(o.getOrDefault("root", ".")).toAbsolutePath().normalize();
        data = Path.of(o.getOrDefault("data", root.resolve("services/benchmarks/target/trace-db").toString()));
        jvm = List.of(o.getOrDefault("jvm", System.getenv().getOrDefault("MES_JVM_OPTS", "-Xmx256m")).split("\\s+"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new TraceBenchmark(o).run();
        System.exit(0); // the MQTT client's event loop would keep the JVM up a while longer
    }

    private void run() throws Exception {
        Path logs = Files.createDirectories(root.resolve("services/benchmarks/target/bench-logs"));
        try (LocalPostgres postgres = new LocalPostgres(data, FreePorts.find(), false).start();
                BenchBroker broker = BenchBroker.start();
                LocalKeycloak keycloak = new LocalKeycloak(LocalKeycloak.distributionUnder(root), FreePorts.find(),
                        true, logs.resolve("trace-keycloak.log")).start(Duration.ofMinutes(4))) {
            postgres.createDatabase(DB);
            String jdbc = postgres.jdbcUrl(DB);
            Map<String, String> env = new java.util.HashMap<>(broker.serviceEnv("genealogy"));
            env.put("MES_OIDC_URL", keycloak.issuer());
            List<String> props = List.of("-Dquarkus.datasource.jdbc.url=" + jdbc,
                    "-Dquarkus.datasource.username=postgres", "-Dmes.mqtt.client-id=mes-genealogy-bench");
            String script = script();
            String have;
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
                have = generated(c);
            }
            if (fresh || !signature(script).equals(have)) {
                try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
                        Statement s = c.createStatement()) {
                    s.execute("drop database " + DB + " with (force)");
                    s.execute("create database " + DB);
                }
                ServiceUnderTest.start(root, "genealogy", jvm, props, env, logs.resolve("trace-genealogy-migrate.log"))
                        .close(); // Flyway makes the schema
                try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
                    generate(c, script);
                }
            } else {
                say("using the year generated before in " + data + " (" + cells + " cells; --fresh true makes it again)");
            }
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                    ServiceUnderTest service = ServiceUnderTest.start(root, "genealogy", jvm, props, env,
                            logs.resolve("trace-genealogy.log"))) {
                say(String.format(Locale.ROOT, "genealogy ready in %.1f s", service.readySeconds()));
                measure(c, service, keycloak, postgres.port(), jdbc);
            }
        }
    }

    /**
     * What the year in the database was generated with (cell count and generator script); null if none was. A
     * changed generator makes the year again.
     */
    private static String generated(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select to_regclass('bench_generated') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select cells || ':' || script from bench_generated")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null; // generated by an older benchmark
        }
    }

    private String signature(String script) {
        return cells + ":" + Integer.toHexString(script.hashCode());
    }

    private static String script() throws IOException {
        try (InputStream in = TraceBenchmark.class.getResourceAsStream("/genealogy-year.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs genealogy-year.sql, statement by statement, with the cell count filled in. */
    private void generate(Connection c, String template) throws SQLException {
        String script = template.replace("{windows}", Integer.toString(cells / 1000)).replace("{cells}",
                Integer.toString(cells)).replace("{script}", Integer.toHexString(template.hashCode()));
        long start = System.nanoTime();
        say("generating a year of production: " + cells + " cells, " + cells * 20L + " cell links");
        for (String statement : script.split(";\n")) {
            String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
            if (sql.isEmpty()) {
                continue;
            }
            long t = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            say(String.format(Locale.ROOT, "  %.1f s  %s", (System.nanoTime() - t) / 1e9,
                    sql.lines().findFirst().orElse("")));
        }
        say(String.format(Locale.ROOT, "generated in %.0f s", (System.nanoTime() - start) / 1e9));
    }

    private void measure(Connection c, ServiceUnderTest service, LocalKeycloak keycloak, int pgPort, String jdbc)
            throws Exception {
        long links = count(c, "select count(*) from link");
        long lots = count(c, "select count(*) from material_lot");
        String size = one(c, "select pg_size_pretty(pg_database_size(current_database()))");
        Random random = new Random(42);
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            serials.add(String.format("C60-%07d", random.nextInt(cells)));
        }
        List<String> rawLots = new ArrayList<>();
        for (int i = 0; i < Math.min(10, Math.max(1, cells / 100_000)); i++) {
            rawLots.add(String.format("LI2S-%06d", i));
        }
        String backwardSql = sqlOf("backward.sql");
        String forwardSql = sqlOf("forward.sql");
        Psql psql = Psql.find(pgPort, DB, jdbc);

        String token = OidcLogin.accessToken(keycloak.issuer(), "auditor1", "auditor1");
        say("warming up: 300 backward traces through the service and in " + psql.kind());
        for (int i = 0; i < 300; i++) {
            get(service.url() + "/api/genealogy/cells/" + serials.get(i % serials.size()) + "/trace/backward", token);
        }
        psql.times(serials.subList(0, Math.min(300, serials.size())).stream()
                .map(s -> bind(backwardSql, "'CELL'", "'" + s + "'", "64")).toList());

        say("backward trace of " + samples + " random cells");
        List<Double> serviceBackward = new ArrayList<>();
        int steps = 0;
        for (String serial : serials) {
            long t = System.nanoTime();
            String body = get(service.url() + "/api/genealogy/cells/" + serial + "/trace/backward", token);
            serviceBackward.add((System.nanoTime() - t) / 1e6);
            steps = Math.max(steps, body.split("\"linkId\"").length - 1);
        }
        List<Double> psqlBackward = psql.times(serials.stream()
                .map(s -> bind(backwardSql, "'CELL'", "'" + s + "'", "64")).toList());

        say("the same cells looked up (GET /cells/{serial}): what every request costs besides the trace");
        List<Double> lookups = new ArrayList<>();
        for (String serial : serials) {
            long t = System.nanoTime();
            get(service.url() + "/api/genealogy/cells/" + serial, token);
            lookups.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(lookups);

        say("forward trace of " + rawLots.size() + " Li2S lots, 3 times each");
        token = OidcLogin.accessToken(keycloak.issuer(), "auditor1", "auditor1");
        List<Double> serviceForward = new ArrayList<>();
        long reached = 0;
        List<String> forwardStatements = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String lot : rawLots) {
                long t = System.nanoTime();
                String body = get(service.url() + "/api/genealogy/material-lots/" + lot + "/trace/forward", token);
                serviceForward.add((System.nanoTime() - t) / 1e6);
                Matcher m = java.util.regex.Pattern.compile("\"totalCells\":(\\d+)").matcher(body);
                reached = m.find() ? Long.parseLong(m.group(1)) : -1;
                if (reached != Math.min(cells, 100_000)) { // the generator gives each Li2S lot 100,000 cells
                    throw new IllegalStateException("forward trace of " + lot + " found " + reached + " cells, not "
                            + Math.min(cells, 100_000));
                }
                forwardStatements.add(bind(forwardSql, "'" + lot + "'", "64", "0", "50"));
            }
        }
        List<Double> psqlForward = psql.times(forwardStatements, FORWARD_WORK_MEM);

        Collections.sort(serviceBackward);
        Collections.sort(psqlBackward);
        Collections.sort(serviceForward);
        Collections.sort(psqlForward);
        String section = section(links, lots, size, steps, reached, psql.kind(), serviceBackward, psqlBackward,
                serviceForward, psqlForward, lookups, service.readySeconds());
        System.out.println(section);
        Path report = root.resolve("docs/benchmarks.md");
        Report.write(report, "trace", section);
        say("written to " + report);
    }

    /** The service's own query file, from the source tree: the baseline runs the very text the service runs. */
    private String sqlOf(String name) throws IOException {
        return Files.readString(root.resolve("services/genealogy/src/main/resources/trace/" + name));
    }

    /** Fills ?1, ?2, ... with SQL literals, highest first so that ?1 does not eat ?10. */
    static String bind(String sql, String... values) {
        String out = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        for (int i = values.length; i >= 1; i--) {
            out = out.replace("?" + i, values[i - 1]);
        }
        return out.strip();
    }

    private String get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private String section(long links, long lots, String size, int steps, long reached, String baseline,
            List<Double> sb, List<Double> pb, List<Double> sf, List<Double> pf, List<Double> lookups, double ready) {
        StringBuilder s = new StringBuilder();
        s.append("## Genealogy trace\n\n");
        s.append("Rerun: `./mes bench trace` (options: `--cells`, `--samples`, `--data`, `--fresh`). Last run ")
                .append(java.time.LocalDate.now()).append(" on this project's build machine (2 cores, everything on "
                        + "one machine): a generated year of 60 Ah production, ")
                .append(String.format(Locale.ROOT, "%,d cells, %,d links, %,d material lots (%s on disk)", cells,
                        links, lots, size))
                .append(", in PostgreSQL 17 started by the benchmark; the genealogy service as packaged (")
                .append(String.join(" ", jvm)).append("), called over HTTP with a real token from Keycloak; the "
                        + "baseline runs the service's own query files with the same parameters in ")
                .append(baseline).append(".\n\n");
        s.append("| measure | MES (REST, token checked, JSON) | the same SQL in ").append(baseline)
                .append(" | MES / baseline |\n|---|---|---|---|\n");
        row(s, "backward trace of one cell (" + samples + " random cells, " + steps + " links each at most): p50", sb,
                pb, 50);
        row(s, "backward trace: p95", sb, pb, 95);
        row(s, "backward trace: p99", sb, pb, 99);
        row(s, String.format(Locale.ROOT, "forward trace of a Li2S lot that fed %,d cells (first page of 50 with "
                + "the total, every lot and work order): median of %d", reached, sf.size()), sf, pf, 50);
        row(s, "forward trace: slowest", sf, pf, 100);
        s.append(String.format(Locale.ROOT, "| one cell looked up (GET /cells/{serial}, one indexed query): p50, p99 "
                + "| %.1f ms, %.1f ms | | |\n", Percentiles.pick(lookups, 50), Percentiles.pick(lookups, 99)));
        s.append(String.format(Locale.ROOT, "| genealogy ready (JVM start to readiness 200) | %.1f s | | |\n", ready));
        s.append("\nTargets (design brief, section 7): backward trace of one cell p99 under 10 ms; forward trace of a "
                + "raw material lot feeding 100,000 cells under 1 s.\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String name, List<Double> mes, List<Double> base, int p) {
        double m = Percentiles.pick(mes, p);
        double b = Percentiles.pick(base, p);
        s.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.2f |\n", name, m, b, m / b));
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(one(c, sql));
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void say(String line) {
        System.out.println("bench: " + line);
    }

    /** Runs statements in psql with \timing and reads the times it prints; JDBC when psql is not installed. */
    private record Psql(String executable, int port, String db, String jdbc) {

        static Psql find(int port, String db, String jdbc) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(dir, "psql"))) {
                    return new Psql(Path.of(dir, "psql").toString(), port, db, jdbc);
                }
            }
            return new Psql(null, port, db, jdbc);
        }

        String kind() {
            return executable != null ? "psql" : "JDBC (no psql on this machine)";
        }

        List<Double> times(List<String> statements) throws IOException, InterruptedException, SQLException {
            return times(statements, null);
        }

        /** @param workMem the session's work_mem, as the service sets it for this query (null: the server's) */
        List<Double> times(List<String> statements, String workMem)
                throws IOException, InterruptedException, SQLException {
            if (executable == null) {
                return viaJdbc(statements, workMem);
            }
            Path script = Files.createTempFile("trace-bench", ".sql");
            try {
                StringBuilder text = new StringBuilder("\\timing on\n");
                statements.forEach(st -> text.append(st).append(";\n"));
                Files.writeString(script, text);
                ProcessBuilder pb = new ProcessBuilder(executable, "-X", "-q", "-h", "127.0.0.1", "-p",
                        Integer.toString(port), "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-o", "/dev/null",
                        "-f", script.toString()).redirectErrorStream(true);
                if (workMem != null) {
                    pb.environment().put("PGOPTIONS", "-c work_mem=" + workMem);
                }
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("psql failed: " + out);
                }
                List<Double> times = new ArrayList<>();
                Matcher m = java.util.regex.Pattern.compile("Time: ([0-9.]+) ms").matcher(out);
                while (m.find()) {
                    times.add(Double.parseDouble(m.group(1)));
                }
                if (times.size() != statements.size()) {
                    throw new IllegalStateException("psql timed " + times.size() + " of " + statements.size() + ": "
                            + out);
                }
                return times;
            } finally {
                Files.deleteIfExists(script);
            }
        }

        private List<Double> viaJdbc(List<String> statements, String workMem) throws SQLException {
            List<Double> times = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement st = c.createStatement()) {
                if (workMem != null) {
                    st.execute("set work_mem = '" + workMem + "'");
                }
                for (String sql : statements) {
                    long t = System.nanoTime();
                    try (ResultSet rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
            return times;
        }
    }
}
