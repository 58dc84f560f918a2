package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.systemtests.ThinPathIT.as;
import static org.pilotline.mes.systemtests.ThinPathIT.login;
import static org.pilotline.mes.systemtests.ThinPathIT.unique;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;

import io.restassured.path.json.JsonPath;

/**
 * Quality's charts in a real browser against the whole plant: an SPC chart fed a series with one planted point
 * beyond 3 sigma marks exactly that point (issue 15's done-when); a cycler file with bad lines is refused with
 * every line's number and reason and nothing recorded, the corrected file grades its cells; the grading, Pareto and
 * stage pages show the figures the services computed. Screenshots at wall and tablet size, one set in Chinese.
 */
class QualityChartsIT {

    /** The planted point: index 17 of 25 (point 18 on the chart), far beyond 3 sigma of the others. */
    private static final int PLANTED = 17;
    /** Film thickness around 30 um: no Nelson rule broken but rule 1 at the planted point (checked by hand). */
    private static final double[] SERIES = { 30.62, 29.76, 29.56, 29.75, 29.55, 29.34, 29.25, 30.02, 29.84, 30.12,
        30.18, 29.62, 29.87, 29.6, 30.24, 30.38, 29.92, 34.0, 30.17, 29.75, 29.54, 31.13, 30.14, 29.46, 30.18 };
    private static final String HEADER = "cell,ocv1_v,ocv1_at,ocv2_v,ocv2_at,acir_mohm,capacity_ah,pressure_min_mpa,"
            + "pressure_max_mpa\n";

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        Browser.assumeChromium();
        ThinPathIT.startThePlant();
        plant = Plant.get();
    }

    /** A fresh 1 Ah product with a released lot, and quality's plan: SE film thickness by hand, capacity at grading. */
    private static String[] productWithPlan(String admin, String supervisor, String quality) {
        String product = ThinPathIT.sampleProductWithRouting(admin);
        String lot = ThinPathIT.releasedLot(supervisor, product);
        as(quality).body("""
                {"reason":"SPC on the film thickness of the 1 Ah study","characteristics":[
                  {"operation":"OCV","code":"OCV","name":"Open-circuit voltage","unit":"V","lowerLimit":2.0,"upperLimit":2.5},
                  {"operation":"STACK","code":"SE_THK","name":"SE film thickness","unit":"um","lowerLimit":28,
                   "upperLimit":33,"source":"MANUAL"},
                  {"operation":"OCV","code":"CAPACITY","name":"Discharge capacity","unit":"Ah","lowerLimit":0.95}]}""")
                .put("/api/quality/plans/" + product).then().statusCode(201);
        return new String[] { product, lot };
    }

    @Test
    void anSpcChartMarksExactlyThePlantedPointThatBreaksNelsonRuleOne() {
        String admin = login("admin1"), supervisor = login("supervisor1"), quality = login("quality1");
        String[] made = productWithPlan(admin, supervisor, quality);
        String product = made[0], lot = made[1];
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(SERIES.length + 1));
        for (int i = 0; i < SERIES.length; i++) {
            String body = """
                    {"characteristic":"SE_THK","value":%s,"unit":"um","lot":"%s","measuredAt":"%s"}"""
                    .formatted(SERIES[i], lot, start.plus(Duration.ofMinutes(i)));
            // the lot reaches quality as an event: the first measurement waits for it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(quality).body(body)
                    .post("/api/quality/measurements").then().statusCode(201));
        }
        JsonPath spc = as(quality).get("/api/quality/spc/" + product + "/SE_THK").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of(PLANTED), spc.getList("violations.at"), "the series breaks rule 1 at the planted point only");

        try (Browser b = new Browser(plant.gateway, LineViewIT.WALL)) {
            b.open("/ui/quality/spc");
            b.login("quality1", "quality1");
            english(b);
            b.waitFor(By.id("spc-message")); // nothing chosen yet: asked to choose, no empty chart
            assertTrue(b.all(By.cssSelector("[data-chart]")).isEmpty());
            choose(b, "spc-product", product);
            choose(b, "spc-characteristic", "SE_THK");
            WebElement chart = drawn(b, "spc-chart");
            assertEquals(String.valueOf(PLANTED), chart.getAttribute("data-marked"));
            assertEquals(String.valueOf(PLANTED), chart.getAttribute("data-drawn-marked"),
                    "the chart drew exactly the planted point as marked");
            // the rule is written by the point, once: colour is not the only signal
            assertEquals(1, count(text(b, chart), "Rule 1"), text(b, chart));
            List<WebElement> rows = b.all(By.cssSelector("#violations tbody tr"));
            assertEquals(1, rows.size());
            assertEquals(String.valueOf(PLANTED), rows.get(0).getAttribute("data-point"));
            assertEquals("1", rows.get(0).getAttribute("data-rule"));
            String row = rows.get(0).getText();
            assertTrue(row.startsWith("◆ " + (PLANTED + 1)) && row.contains("34 um") && row.contains(lot)
                    && row.contains("One point more than 3 sigma from the centre line"), row);
            // the capability a quality engineer reads, as quality computed it
            assertEquals(String.format(Locale.ROOT, "%.2f", spc.getDouble("capability.cpk")),
                    b.text(By.cssSelector("[data-index='cpk'] .big")));
            assertEquals(String.format(Locale.ROOT, "%.2f", spc.getDouble("capability.pp")),
                    b.text(By.cssSelector("[data-index='pp'] .big")));
            assertEquals("25", b.text(By.cssSelector("[data-index='n'] .big")));
            b.screenshot("en-quality-spc-wall");
            resize(b, Browser.LANDSCAPE);
            b.screenshot("en-quality-spc-tablet");

            // X-bar/R of subgroups of 5: five means, and the planted value lifts the fourth
            new Select(b.waitFor(By.id("spc-chart-type"))).selectByValue("XBAR_R");
            b.waitFor(By.id("spc-subgroup"));
            assertEquals(5, JsonPath.from(drawn(b, "spc-chart").getAttribute("data-spec")).getList("values").size());

            // too little data says so in words
            b.open("/ui/quality/spc?product=" + product + "&characteristic=CAPACITY");
            assertTrue(b.text(By.id("spc-message")).contains("Too few measurements"), b.text(By.id("spc-message")));
            assertTrue(b.all(By.cssSelector("[data-chart]")).isEmpty());

            b.open("/ui/quality/spc?product=" + product + "&characteristic=SE_THK");
            chinese(b, "统计过程控制");
            WebElement zh = drawn(b, "spc-chart");
            assertEquals(1, count(text(b, zh), "规则 1"), text(b, zh));
            b.screenshot("zh-quality-spc-tablet");
            english(b);
        }
    }

    @Test
    void aCyclerFileWithBadLinesIsRefusedLineByLineAndTheGoodFileIsGradedIntoBins() throws Exception {
        String admin = login("admin1"), supervisor = login("supervisor1"), quality = login("quality1");
        String[] made = productWithPlan(admin, supervisor, quality);
        String product = made[0], lot = made[1];
        as(quality).body("""
                {"reason":"1 Ah bins","bins":[{"grade":"A","capacityMinAh":1.05},{"grade":"B","capacityMinAh":0.95}]}""")
                .put("/api/quality/grading/" + product + "/bins").then().statusCode(200);
        String c1 = unique("C1AH"), c2 = unique("C1AH"), c3 = unique("C1AH");
        assembled(lot, c1, c2, c3);
        String ocv = ",2.30,2026-11-20T08:00:00Z,2.2993,2026-11-27T08:00:00Z,40,";
        Path bad = file("bad.csv", HEADER + c1 + ocv + "1.10,1.9,2.1\n" + c2 + ",2.30,yesterday,2.29,"
                + "2026-11-27T08:00:00Z,40,sixty,,\n" + c3 + ",2.30,2026-11-20T08:00:00Z,2.29\n");
        Path good = file("good.csv", HEADER + c1 + ocv + "1.10,1.9,2.1\n" + c2 + ocv + "1.00,,\n" + c3 + ocv
                + "0.80,,\n");
        Path empty = file("empty.csv", "");
        Path binary = Files.createTempFile("cycler", ".csv");
        Files.write(binary, new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 1, 2 });
        // cells reach quality as events: wait until it knows them (a refused import records nothing)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(quality).get("/api/quality/lots/" + lot
                + "/disposition").then().statusCode(200).body("cells", equalTo(3)));

        try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
            b.open("/ui/quality/uploads");
            b.login("operator1", "operator1");
            english(b);
            b.type(By.id("upload-cycler"), "CYC-07");

            upload(b, empty);
            assertTrue(b.text(By.id("upload-problem")).contains("The file is empty"));
            upload(b, binary);
            assertTrue(b.text(By.id("upload-problem")).contains("not a text file"));

            upload(b, bad);
            String refused = b.text(By.id("upload-refused"));
            assertTrue(refused.contains("nothing from this file was recorded"), refused);
            List<WebElement> lines = b.all(By.cssSelector("#refused-lines tbody tr"));
            assertEquals(List.of("3", "4"), lines.stream().map(l -> l.getAttribute("data-line")).toList());
            assertTrue(lines.get(0).getText().contains("'yesterday' is not a time like 2026-11-20T08:00:00Z"),
                    lines.get(0).getText());
            assertTrue(lines.get(1).getText().contains("4 fields, not 9"), lines.get(1).getText());
            b.screenshot("en-quality-upload-refused-tablet");
            as(quality).get("/api/quality/measurements?cell=" + c1).then().body("total", equalTo(0));

            // every line reads, but one cell is unknown: its line is found in the file
            upload(b, file("unknown.csv", HEADER + c1 + ocv + "1.10,1.9,2.1\n" + "NOPE-1" + ocv + "1.00,,\n"));
            WebElement unknown = b.waitFor(By.cssSelector("#refused-lines tbody tr"));
            assertEquals("3", unknown.getAttribute("data-line"));
            assertTrue(unknown.getText().contains("NOPE-1: cell unknown to quality"), unknown.getText());

            upload(b, good);
            WebElement done = b.waitFor(By.id("upload-done"));
            assertEquals("3", done.getAttribute("data-cells"));
            assertEquals("1", b.text(By.id("upload-outside")));
            assertEquals("1", b.text(By.id("upload-ncrs")));
            assertEquals("A", b.driver().findElement(By.cssSelector("#upload-results tr[data-cell='" + c1 + "']"))
                    .getAttribute("data-grade"));
            assertEquals("", b.driver().findElement(By.cssSelector("#upload-results tr[data-cell='" + c3 + "']"))
                    .getAttribute("data-grade"));
            b.screenshot("en-quality-upload-done-tablet");
        }
        try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
            b.open("/ui/quality/grading?product=" + product);
            b.login("auditor1", "auditor1");
            english(b);
            drawn(b, "grading-chart");
            assertEquals("3", b.text(By.cssSelector("#grading-cells .big")));
            assertEquals("1", b.text(By.cssSelector("#grading-outside .big")));
            assertEquals(List.of("A:1", "B:1", ":1"), b.all(By.cssSelector("#grading-table tbody tr")).stream()
                    .map(r -> r.getAttribute("data-grade") + ":" + r.getAttribute("data-cells")).toList());
            String bars = text(b, drawn(b, "grading-chart"));
            assertEquals(3, count(bars, "1 · 33.3 %"), bars);
            // an auditor sees the charts, not the upload
            assertTrue(b.all(By.cssSelector("a[href='/ui/quality/uploads']")).isEmpty());
            b.screenshot("en-quality-grading-tablet");
        }
    }

    @Test
    void theParetoAndTheStagesShowTheFiguresQualityComputed() {
        String admin = login("admin1"), supervisor = login("supervisor1"), quality = login("quality1");
        String operator = login("operator1");
        String[] made = productWithPlan(admin, supervisor, quality);
        String product = made[0], lot = made[1];
        String cell = unique("C1AH"), weak = unique("C1AH");
        assembled(lot, cell, weak);
        for (String code : List.of("SEAL-WRINKLE", "DENT", "SEAL-WRINKLE", "DENT", "SEAL-WRINKLE", "TAB-BURR")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(operator).body("""
                    {"defectCode":"%s","description":"seen at the leak test","items":[{"itemType":"CELL","itemId":"%s"}],
                     "product":"%s"}""".formatted(code, cell, product)).post("/api/quality/ncrs").then()
                    .statusCode(201));
        }
        // one cell passes the capacity's lower limit of 0.95 Ah, the other does not: a yield of 50 %
        for (String[] m : new String[][] { { cell, "1.02" }, { weak, "0.90" } }) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(quality).body("""
                    {"characteristic":"CAPACITY","value":%s,"unit":"Ah","cell":"%s"}""".formatted(m[1], m[0]))
                    .post("/api/quality/measurements").then().statusCode(201));
        }

        try (Browser b = new Browser(plant.gateway, LineViewIT.WALL)) {
            b.open("/ui/quality/pareto?product=" + product);
            b.login("supervisor1", "supervisor1");
            english(b);
            drawn(b, "pareto-chart");
            assertEquals("6", b.text(By.cssSelector("#pareto-total .big")));
            assertEquals(List.of("SEAL-WRINKLE 3 50 % 50 %", "DENT 2 33.3 % 83.3 %", "TAB-BURR 1 16.7 % 100 %"),
                    b.all(By.cssSelector("#pareto-table tbody tr")).stream().map(WebElement::getText).toList());
            String chart = text(b, drawn(b, "pareto-chart"));
            assertTrue(chart.contains("SEAL-WRINKLE") && chart.contains("83.3 %"), chart);
            b.screenshot("en-quality-pareto-wall");

            JsonPath stages = as(quality).get("/api/quality/stages/comparison").then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(50.0, stages.getDouble("stages.find { it.product == '" + product + "' }.yieldPct"), 1e-9);
            b.open("/ui/quality/stages");
            drawn(b, "stages-chart");
            WebElement row = b.waitFor(By.cssSelector("#stages-table tr[data-product='" + product + "']"));
            assertTrue(row.getText().startsWith("1 Ah sample " + product + " 2 1 50 % "), row.getText());
            assertTrue(text(b, drawn(b, "stages-chart")).contains("50 %"), "the yield is written on its line");
            b.screenshot("en-quality-stages-wall");
            resize(b, Browser.LANDSCAPE);
            b.screenshot("en-quality-stages-tablet");
            chinese(b, "阶段");
            drawn(b, "stages-chart");
            b.screenshot("zh-quality-stages-tablet");
            english(b);
        }
    }

    /** Stacking makes the cells (from a film roll received for them): quality hears of each from equipment. */
    private static void assembled(String lot, String... cells) {
        String film = unique("SEF");
        ThinPathIT.receiveRawLots(login("operator1"), unique("NCM"), unique("ALF"), film);
        Mqtt3BlockingClient c = ThinPathIT.equipment();
        for (String cell : cells) {
            ThinPathIT.publish(c, "mes/v1/pilot/assembly/L1/STACK-01/event", """
                    {"eventId":"%s","ts":"%s","type":"cell.assembled","cell":"%s","lot":"%s",
                     "inputs":[{"materialLot":"%s","quantity":0.3,"unit":"m"}]}"""
                    .formatted(unique("E"), Instant.now(), cell, lot, film));
        }
        c.disconnect();
    }

    private static Path file(String name, String text) throws java.io.IOException {
        Path f = Files.createTempFile("cycler-", "-" + name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Picks a file and uploads it; waits for the outcome that replaces the last one. */
    private static void upload(Browser b, Path file) {
        b.script("document.getElementById('outcome').innerHTML = ''");
        WebElement input = b.waitFor(By.id("upload-file"));
        b.script("arguments[0].value = ''", input);
        input.sendKeys(file.toAbsolutePath().toString());
        b.click(By.id("upload-send"));
        b.waitFor(By.cssSelector("#outcome > *:not(input)"));
    }

    /** A choice in a filter's select: the page comes back with it. */
    private static void choose(Browser b, String select, String value) {
        WebElement old = b.waitFor(By.id(select));
        new Select(old).selectByValue(value);
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(old));
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> value.equals(new Select(d.findElement(By.id(select))).getFirstSelectedOption()
                        .getAttribute("value")));
    }

    /** The chart, once quality-charts.js has drawn it. */
    private static WebElement drawn(Browser b, String id) {
        return new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + "[data-drawn='true']")));
    }

    /** A new window size, and the charts redrawn for it (they follow a resize after 100 ms). */
    private static void resize(Browser b, org.openqa.selenium.Dimension size) {
        b.resize(size);
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The person's language is kept in their Keycloak account: a test that switched it leaves it switched. */
    private static void english(Browser b) {
        b.waitFor(By.cssSelector("button.lang"));
        if (String.valueOf(b.script("return document.documentElement.lang")).startsWith("zh")) {
            b.click(By.cssSelector("button.lang"));
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(d -> "en".equals(b.script("return document.documentElement.lang")));
        }
    }

    private static void chinese(Browser b, String heading) {
        b.click(By.cssSelector("button.lang"));
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), heading));
    }

    /** What a chart wrote (its SVG text): labels, rule numbers, figures. */
    private static String text(Browser b, WebElement chart) {
        return String.valueOf(b.script("return arguments[0].textContent", chart));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
