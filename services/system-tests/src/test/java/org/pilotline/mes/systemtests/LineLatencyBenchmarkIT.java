package org.pilotline.mes.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.systemtests.ThinPathIT.as;
import static org.pilotline.mes.systemtests.ThinPathIT.login;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotline.mes.simulator.Simulator;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;

/**
 * A benchmark, not a test of speed: the time from a machine's MQTT state message to its changed tile on an open
 * line view (1920x1080, headless Chromium), first with nothing else publishing (the baseline), then in the same run
 * with the equipment simulator publishing the line at 200 messages a second. The machine measured (LAT-01, an aging
 * chamber registered for this) is one the simulator does not know, so only the benchmark changes its state. The
 * moment of the change is taken in the page (the first settled swap of the tiles that shows the new state), the
 * moment of the message in this JVM, on the same clock. Sends are spaced 1.2-2.2 s apart at random: more than the
 * gateway's one second between two signals to a screen, so without load each change is told as soon as it arrives;
 * with the simulator's changes in between, some wait for the rest of that second. Figures go to
 * target/line-latency-benchmark.md;
 * docs/benchmarks.md keeps a run of them.
 * <p>
 * Run on its own, when asked ({@code -Dmes.line.bench=true}): its simulator fills the shared plant with the line's
 * states, alarms and readings, which other system tests must not find.
 */
class LineLatencyBenchmarkIT {

    private static final int RUNS = Integer.getInteger("mes.line.bench.runs", 30);
    private static final int SIMULATOR_RATE = Integer.getInteger("mes.line.bench.rate", 200);
    private static final String MACHINE = "LAT-01";
    private static final String TOPIC = "mes/v1/pilot/formation/L1/" + MACHINE + "/state";
    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("mes.line.bench"), "the line latency benchmark runs when asked: "
                + "-Dit.test=LineLatencyBenchmarkIT -Dmes.line.bench=true (docs/benchmarks.md)");
        Browser.assumeChromium();
        ThinPathIT.startThePlant();
        plant = Plant.get();
    }

    @Test
    void mqttStateMessageToChangedTileWithoutAndWithTheSimulator() throws Exception {
        as(login("admin1")).body("""
                {"name":"Latency probe (benchmark)","equipmentClass":"AGING_CHAMBER","site":"pilot","area":"formation",
                 "line":"L1","reason":"line view latency benchmark"}""").put("/api/equipment/equipment/" + MACHINE)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200),
                        org.hamcrest.Matchers.is(201)));
        Mqtt3BlockingClient machine = MachinePageIT.connect(plant, MACHINE);
        List<Double> quiet;
        List<Double> busy;
        Simulator simulator = new Simulator(plant.simulatorArgs("--rate", Integer.toString(SIMULATOR_RATE),
                "--client-id", "line-bench-simulator", "--bad-every", "0"));
        Thread line = new Thread(() -> {
            try {
                simulator.run(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator");
        try (Browser b = new Browser(plant.gateway, LineViewIT.WALL)) {
            MachinePageIT.publish(machine, TOPIC, state("IDLE"), Instant.now());
            b.open("/ui/line").login("supervisor1", "supervisor1");
            b.waitFor(By.id("tile-" + MACHINE));
            b.script("""
                    window.__seen = {};
                    document.body.addEventListener('htmx:afterSettle', () => {
                      const t = document.getElementById('tile-LAT-01');
                      const s = t && t.dataset.state;
                      if (s && !(s in window.__seen)) window.__seen[s] = Date.now();
                    });""");
            quiet = measure(b, machine, "baseline");
            line.start();
            Thread.sleep(5000); // the simulator's line under way
            busy = measure(b, machine, "simulator");
            assertEquals("yes", b.script("return document.body.dataset.loadedOnce"), "the page was not reloaded");
        } finally {
            simulator.stop();
            if (line.isAlive()) {
                line.join(60_000);
            }
            machine.disconnect();
        }
        String report = """
                ### Live line: MQTT state message to the changed tile (%s, %d changes each, wall size, headless Chromium)

                | load | median | p95 | max |
                |---|---|---|---|
                | none (baseline, same run) | %.0f ms | %.0f ms | %.0f ms |
                | simulator at %d messages/s | %.0f ms | %.0f ms | %.0f ms |
                | ratio (simulator / baseline) | %.2f | %.2f | %.2f |
                """.formatted(LocalDate.now(), RUNS, pct(quiet, 50), pct(quiet, 95), pct(quiet, 100), SIMULATOR_RATE,
                pct(busy, 50), pct(busy, 95), pct(busy, 100), pct(busy, 50) / pct(quiet, 50),
                pct(busy, 95) / pct(quiet, 95), pct(busy, 100) / pct(quiet, 100));
        System.out.println(report);
        System.out.println("baseline ms: " + quiet + "\nsimulator ms: " + busy);
        Files.writeString(Path.of("target/line-latency-benchmark.md"), report);
    }

    /** RUNS state changes (after three to warm up), each timed from its send to the page showing it. */
    private static List<Double> measure(Browser b, Mqtt3BlockingClient machine, String label)
            throws InterruptedException, IOException {
        Random random = new Random(15);
        List<Double> out = new ArrayList<>();
        b.script("document.body.dataset.loadedOnce = 'yes'");
        for (int i = 0; i < RUNS + 3; i++) {
            String state = i % 2 == 0 ? "EXECUTE" : "IDLE";
            b.script("window.__seen = {}");
            Thread.sleep(1200 + random.nextInt(1000));
            long sent = System.currentTimeMillis();
            MachinePageIT.publish(machine, TOPIC, state(state), Instant.now());
            new WebDriverWait(b.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                    .until(d -> b.script("return window.__seen[arguments[0]] || null", state) != null);
            double seen = ((Number) b.script("return window.__seen[arguments[0]]", state)).doubleValue();
            if (i >= 3) {
                out.add(seen - sent);
            }
        }
        return out;
    }

    private static String state(String state) {
        return """
                {"eventId":"%s","ts":"%s","state":"STATE","mode":"PRODUCTION"}""".replace("STATE", state);
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
