package org.pilotline.mes.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.localplant.FreePorts;
import org.pilotline.mes.localplant.HttpWait;

/** A packaged MES service started as its own JVM, as ./mes up starts it, with its start-up time and memory. */
final class ServiceUnderTest implements AutoCloseable {

    private final Process process;
    private final double readySeconds;
    private final int port;

    private ServiceUnderTest(Process process, double readySeconds, int port) {
        this.process = process;
        this.readySeconds = readySeconds;
        this.port = port;
    }

    /** Base URL of the service, e.g. http://127.0.0.1:41234. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    static ServiceUnderTest start(Path root, String service, List<String> jvm, List<String> properties,
            Map<String, String> env, Path log) {
        Path jar = root.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: build first (./mvnw package -DskipTests)");
        }
        int port = FreePorts.find();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        cmd.addAll(jvm);
        cmd.addAll(properties);
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!HttpWait.until("http://127.0.0.1:" + port + "/q/health/ready", Duration.ofMinutes(2))) {
            p.destroyForcibly();
            throw new IllegalStateException(service + " not ready; see " + log);
        }
        return new ServiceUnderTest(p, (System.nanoTime() - start) / 1e9, port);
    }

    /** From launching the JVM to the readiness check answering 200 (database migrated, broker connected). */
    double readySeconds() {
        return readySeconds;
    }

    /** Peak resident memory of the process so far, in MiB (VmHWM). */
    double peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux: unknown
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
