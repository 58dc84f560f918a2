package org.pilotline.mes.simulator;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The demo plant: the simulated line running real work of the MES ({@code --gateway}). A planner keeps lots of the
 * seeded products in work; every machine of the line that has operations, and the dry room's bench, is a
 * {@link Station} taking its work from work-orders' dispatch lists. Whatever they publish goes out through the
 * message loop ({@link Emitter}). Each is stepped on its own schedule by a small thread pool, so one slow answer
 * does not stop the others; nothing they meet (a refusal, a service down, an error of their own) stops the
 * simulator.
 */
final class DemoPlant implements AutoCloseable {

    private static final Duration STEP = Duration.ofMillis(250);

    private final Shop shop;
    private final Clock clock;
    private final List<Station> stations = new ArrayList<>();
    private final Planner planner;
    private final java.util.Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();
    private ScheduledExecutorService pool;

    DemoPlant(SimulatorOptions options, Mes mes, Emitter emitter, LineState line, Clock clock, Consumer<String> log) {
        this.shop = new Shop(options, mes, emitter, line, log);
        this.clock = clock;
        long seed = options.seed();
        for (Machine m : PilotLine.MACHINES) {
            if (!PilotLine.ENVIRONMENT.contains(m.id())) {
                stations.add(new Station(shop, m.id(), false, new Random(seed + stations.size() + 1)));
            }
        }
        stations.add(new Station(shop, Station.BENCH, true, new Random(seed + 100)));
        Duration plannerEvery = options.poll().multipliedBy(5);
        this.planner = new Planner(shop, new Random(seed + 200), plannerEvery);
    }

    /** Through the gateway with a token of the line's confidential client. */
    static DemoPlant connect(SimulatorOptions options, Emitter emitter, LineState line, Consumer<String> log) {
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        TokenSource tokens = TokenSource.clientCredentials(http, options.issuer(), options.oidcClient(),
                options.clientSecret(), clock);
        return new DemoPlant(options, new MesHttp(options.gateway(), tokens, http), emitter, line, clock, log);
    }

    DemoPlant start() {
        SimulatorOptions o = shop.options;
        shop.log.accept("demo plant: work through " + o.gateway() + " as " + o.oidcClient() + "; " + o.openLots()
                + " lots of " + String.join(", ", o.products()) + " in work, " + o.minCells() + "-" + o.maxCells()
                + " cells each; about " + Station.human(o.opTime()) + " per operation; left for people: "
                + (o.peopleOps().isEmpty() ? "nothing" : String.join(", ", o.peopleOps().stream().sorted().toList()))
                + " (a colleague does them after " + Station.human(o.grace()) + ")");
        pool = Executors.newScheduledThreadPool(3, r -> {
            Thread t = new Thread(r, "demo-plant");
            t.setDaemon(true);
            return t;
        });
        for (Station s : stations) {
            pool.scheduleWithFixedDelay(() -> guarded(s.id(), () -> s.step(clock.instant())), 0, STEP.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        pool.scheduleWithFixedDelay(() -> guarded("planner", () -> planner.step(clock.instant())), 0,
                STEP.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One line per station: what it is doing (for the simulator's progress report). */
    String report() {
        StringBuilder b = new StringBuilder();
        for (Station s : stations) {
            if (!s.doing().equals("idle")) {
                b.append(b.length() == 0 ? "working: " : ", ").append(s.id()).append(" ").append(s.doing());
            }
        }
        return b.length() == 0 ? "every station idle" : b.toString();
    }

    /** A step that fails is logged (once while it fails the same way) and stepped again: nothing stops the line. */
    private void guarded(String who, Runnable step) {
        try {
            step.run();
            failures.remove(who);
        } catch (RuntimeException e) {
            if (!e.toString().equals(failures.put(who, e.toString()))) {
                shop.log.accept(who + ": " + e + " (going on)");
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The log line prefix: the time of day, to the second. */
    static Consumer<String> stdout() {
        return line -> System.out.println("simulator " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }
}
