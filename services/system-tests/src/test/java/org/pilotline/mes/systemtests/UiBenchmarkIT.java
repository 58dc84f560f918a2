package org.pilotline.mes.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.systemtests.ThinPathIT.as;
import static org.pilotline.mes.systemtests.ThinPathIT.login;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pilotline.mes.simulator.Simulator;

/**
 * A benchmark, not a test of speed: at tablet size, with the equipment simulator publishing the line, how long a
 * station console takes to load and how long a scan takes to show its operation, each beside a baseline measured
 * in the same run and the same browser (a page of the gateway that asks no service; a request to the gateway that
 * asks no service). Figures go to target/ui-benchmark.md; docs/benchmarks.md keeps a run of them.
 * <p>
 * Run on its own, when asked ({@code -Dmes.ui.bench=true}): its simulator fills the shared plant with the line's
 * readings, which other system tests must not find.
 */
class UiBenchmarkIT {

    private static final int RUNS = Integer.getInteger("mes.ui.bench.runs", 30);
    private static final int SIMULATOR_RATE = Integer.getInteger("mes.ui.bench.rate", 200);
    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("mes.ui.bench"),
                "the UI benchmark runs when asked: -Dit.test=UiBenchmarkIT -Dmes.ui.bench=true (docs/benchmarks.md)");
        Browser.assumeChromium();
        ThinPathIT.startThePlant();
        plant = Plant.get();
    }

    @Test
    void pageLoadAndScanToScreenWithTheSimulatorRunning() throws Exception {
        String product = ShopFloorUiIT.pressedProduct();
        String lot = ShopFloorUiIT.releasedLot(product, 10);
        String operator = login("operator1");
        as(operator).body("{\"station\":\"STACK-01\"}").post("/api/work-orders/lots/" + lot + "/operations/STACK/start")
                .then().statusCode(200);
        as(operator).body("{}").post("/api/work-orders/lots/" + lot + "/operations/STACK/complete").then()
                .statusCode(200);

        Simulator simulator = new Simulator(plant.simulatorArgs("--rate", Integer.toString(SIMULATOR_RATE),
                "--client-id", "ui-bench-simulator", "--bad-every", "0"));
        Thread line = new Thread(() -> {
            try {
                simulator.run(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator");
        line.start();
        List<Double> page = new ArrayList<>(), pageBase = new ArrayList<>();
        List<Double> scan = new ArrayList<>(), scanBase = new ArrayList<>();
        try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
            b.open("/ui/station/PRESS-01").login("operator1", "operator1");
            b.waitFor(By.id("dispatch"));
            for (int i = 0; i < RUNS + 3; i++) { // the first three warm the JIT and the connections up
                b.open("/auth/logged-out");
                b.waitFor(By.id("login"));
                double base = loadTime(b);
                b.open("/ui/station/PRESS-01");
                b.waitFor(By.id("dispatch"));
                double console = loadTime(b);
                b.script("""
                        window.__scans = [];
                        document.addEventListener('keydown', e => { if (e.key === 'Enter') window.__t0 = performance.now(); }, true);
                        document.body.addEventListener('htmx:afterSettle', e => {
                          if (window.__t0 && e.detail.target && e.detail.target.id === 'panel') {
                            window.__scans.push(performance.now() - window.__t0); window.__t0 = null; } });""");
                b.scan(lot);
                new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(20))
                        .until(d -> ((Number) b.script("return window.__scans.length")).intValue() == 1);
                double scanned = ((Number) b.script("return window.__scans[0]")).doubleValue();
                double roundTrip = ((Number) b.asyncScript("""
                        const done = arguments[arguments.length - 1], t0 = performance.now();
                        fetch('/q/health/live', {cache: 'no-store'}).then(r => r.text()).then(() => done(performance.now() - t0));""")).doubleValue();
                if (i >= 3) {
                    pageBase.add(base);
                    page.add(console);
                    scan.add(scanned);
                    scanBase.add(roundTrip);
                }
            }
        } finally {
            simulator.stop();
            line.join(60_000);
        }
        assertEquals(RUNS, scan.size());
        String report = """
                ### Web UI at tablet size (%s, %d runs, simulator at %d messages/s)

                | measure | median | p95 | baseline, same run | median | p95 | ratio of medians |
                |---|---|---|---|---|---|---|
                | station console page loaded (navigation start to load event) | %.0f ms | %.0f ms | a gateway page that asks no service | %.0f ms | %.0f ms | %.2f |
                | scan of a lot to its operation on screen (Enter to the panel settled) | %.0f ms | %.0f ms | a request to the gateway that asks no service | %.0f ms | %.0f ms | %.2f |
                """.formatted(LocalDate.now(), RUNS, SIMULATOR_RATE, pct(page, 50), pct(page, 95), pct(pageBase, 50),
                pct(pageBase, 95), pct(page, 50) / pct(pageBase, 50), pct(scan, 50), pct(scan, 95), pct(scanBase, 50),
                pct(scanBase, 95), pct(scan, 50) / pct(scanBase, 50));
        System.out.println(report);
        Path out = Path.of("target/ui-benchmark.md");
        Files.writeString(out, report);
    }

    /** Navigation start to the load event of the page now shown, in ms. */
    private static double loadTime(Browser b) {
        return ((Number) b.script("""
                const n = performance.getEntriesByType('navigation')[0];
                return n.loadEventEnd > 0 ? n.loadEventEnd - n.startTime : n.duration;""")).doubleValue();
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
