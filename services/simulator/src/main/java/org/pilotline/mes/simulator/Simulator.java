package org.pilotline.mes.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the pilot line to an MQTT broker at a steady rate (or flat out), until a count or duration is reached
 * or it is stopped. Usage: {@code Simulator [--broker tcp://host:port] [--protocol json|sparkplug] [--rate n]
 * [--count n] [--duration PT10M] [--mix plant|environment|data] [--units true] [--lot L] [--bad-every n] ...};
 * with {@code --gateway URL --issuer URL --client-secret S} the line runs real work of the MES ({@link DemoPlant}).
 */
public final class Simulator {

    private final SimulatorOptions options;
    private volatile boolean stopped;

    /** What a run sent and the broker acknowledged. */
    public record Result(long sent, long acknowledged, long failed, double seconds, long cells) {
        public double rate() {
            return seconds > 0 ? acknowledged / seconds : 0;
        }
    }

    public Simulator(String... args) {
        this.options = SimulatorOptions.parse(args);
    }

    public static void main(String[] args) throws Exception {
        Simulator sim;
        try {
            sim = new Simulator(args);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop));
        Result r = sim.run(true);
        System.out.printf("simulator: sent %d, acknowledged %d, failed %d in %.1f s (%.0f/s), %d cells%n", r.sent(),
                r.acknowledged(), r.failed(), r.seconds(), r.rate(), r.cells());
        System.exit(r.failed() == 0 ? 0 : 1); // the MQTT client's event loop would keep the JVM up a while longer
    }

    /** How many process values {@code messages} of the DATA mix carry: machines in turn, each with its tags. */
    public static long dataSamples(long messages) {
        long samples = 0;
        int machines = PilotLine.MACHINES.size();
        for (int i = 0; i < machines; i++) {
            long times = messages / machines + (i < messages % machines ? 1 : 0);
            samples += times * PilotLine.MACHINES.get(i).tags().size();
        }
        return samples;
    }

    public void stop() {
        stopped = true;
    }

    public Result run(boolean progress) throws InterruptedException {
        LineState state = new LineState();
        LineGenerator line = new LineGenerator(options, Clock.systemUTC(), state);
        Semaphore inFlight = new Semaphore(options.maxInFlight());
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long sent = 0;
        long start = System.nanoTime();
        long deadline = options.duration().isZero() ? Long.MAX_VALUE : start + options.duration().toNanos();
        long interval = options.rate() > 0 ? (long) (1e9 / options.rate()) : 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(10);
        if (progress) {
            System.out.printf("simulator: %s to %s, %s mix, %s/s%n", options.protocol(), options.broker(),
                    options.mix(), options.rate() > 0 ? options.rate() : "flat out");
        }
        try (Sink sink = options.protocol() == SimulatorOptions.Protocol.SPARKPLUG ? new SparkplugSink(options)
                : new JsonSink(options);
                DemoPlant plant = options.demoPlant() ? DemoPlant.connect(options, line, state, DemoPlant.stdout())
                        .start() : null) {
            while (!stopped && (options.count() == 0 || sent < options.count()) && System.nanoTime() < deadline) {
                if (interval > 0) {
                    long due = start + sent * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                inFlight.acquire();
                sink.send(line.next()).whenComplete((ok, error) -> {
                    (error == null ? acked : failed).incrementAndGet();
                    inFlight.release();
                });
                sent++;
                if (progress && System.nanoTime() > nextReport) {
                    nextReport += TimeUnit.SECONDS.toNanos(10);
                    System.out.printf("simulator: %d sent, %d acknowledged, %d cells%s%n", sent, acked.get(),
                            line.cellsStacked(), plant == null ? "" : "; " + plant.report());
                }
            }
            if (!inFlight.tryAcquire(options.maxInFlight(), 30, TimeUnit.SECONDS)) {
                System.err.println("simulator: the broker did not acknowledge everything within 30 s");
            }
        }
        double seconds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
        return new Result(sent, acked.get(), failed.get(), seconds, line.cellsStacked());
    }
}
