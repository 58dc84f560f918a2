package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;

/**
 * Quality's and the auditor's screens against the whole plant, in a real Chromium: a dry-room excursion published
 * over MQTT turns the dry room's tile, the hold it causes appears on the holds board without a reload, and quality
 * releases it after entering the password again; an auditor traces a cell back to its raw lots and a raw lot
 * forward to exactly the cells it reached, sees every service's audit chain verified, and is offered no action
 * that changes anything.
 */
class OversightUiIT {

    /** What a Chinese quality engineer writes in Latin letters too (MessagesTest allows the same). */
    private static final Set<String> ABBREVIATIONS = Set.of("SPC", "CSV", "Cp", "Cpk", "Pp", "Ppk", "NCR", "OEE");
    private static final String DEW_POINT = "mes/v1/pilot/assembly/L1/DRYROOM-01/data";

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        Browser.assumeChromium();
        ThinPathIT.startThePlant();
        plant = Plant.get();
    }

    @Test
    void aDryRoomExcursionIsHeldOnTheQualityBoardAndReleasedUnderSignature() {
        String admin = ThinPathIT.login("admin1"), supervisor = ThinPathIT.login("supervisor1");
        String operator = ThinPathIT.login("operator1"), quality = ThinPathIT.login("quality1");
        String lot = ThinPathIT.releasedLot(supervisor, ThinPathIT.sampleProductWithRouting(admin));
        String ncm = ThinPathIT.unique("NCM"), foil = ThinPathIT.unique("ALF"), film = ThinPathIT.unique("SEF");
        ThinPathIT.receiveRawLots(operator, ncm, foil, film);
        ThinPathIT.as(quality).body("{\"upper\":-40,\"unit\":\"C\",\"reason\":\"sulfide handling\"}")
                .put("/api/equipment/environment/limits/DRYROOM-01/dewPointC").then().statusCode(200);
        Mqtt3BlockingClient dryRoom = ThinPathIT.equipment();
        try {
            dew(dryRoom, -52.0);
            ThinPathIT.runTheLine(lot, ThinPathIT.unique("C1AH"), ncm, foil, film, ThinPathIT.unique("SUB"), "2.2");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ThinPathIT.as(quality)
                    .get("/api/quality/lots/" + lot + "/disposition").then().statusCode(200));
            try (Browser b = new Browser(plant.gateway, LineViewIT.WALL)) {
                b.open("/ui/line").login("quality1", "quality1");
                b.waitForText(By.id("tile-DRYROOM-01"), "-52");
                dew(dryRoom, -31.0);
                new WebDriverWait(b.driver(), Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.id("tile-DRYROOM-01")).getAttribute("class").contains("excursion"));
                assertTrue(b.text(By.id("tile-DRYROOM-01")).contains("-31"), "the tile shows the reading out of limits");
                b.screenshot("en-line-excursion-wall");

                // the board is open before the hold arrives: the hold appears on it, pushed
                b.open("/ui/quality/holds");
                By row = By.cssSelector("#holds tr[data-item='" + lot + "'][data-source='EXCURSION']");
                new WebDriverWait(b.driver(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                        .until(d -> !d.findElements(row).isEmpty());
                assertTrue(b.text(row).contains("DRYROOM-01"), "the hold says why: " + b.text(row));
                b.screenshot("en-quality-holds-wall");
                b.resize(Browser.LANDSCAPE);
                b.screenshot("en-quality-holds-tablet");

                b.driver().findElement(row).findElement(By.cssSelector("a.button")).click();
                b.waitFor(By.id("release-form"));
                b.type(By.id("meaning"), "released after review");
                b.type(By.id("reason"), "dew point back below -40 C within 10 min; cells re-inspected");
                b.click(By.id("review"));
                b.waitForText(By.id("manifest"), "dew point back below -40 C");
                assertTrue(b.text(By.id("manifest")).contains(lot), "the manifest names the held lot");
                b.screenshot("en-quality-release-manifest-tablet");
                b.signWithPassword("quality1");
                b.waitForText(By.id("hold-state"), "Released");
                b.screenshot("en-quality-hold-released-tablet");
            }
            ThinPathIT.as(quality).get("/api/quality/holds?itemType=LOT&itemId=" + lot).then()
                    .body("items[0].open", equalTo(false)).body("items[0].releasedBy", notNullValue())
                    .body("items[0].releaseSignature", notNullValue());
        } finally {
            dew(dryRoom, -52.0); // the dry room dry again: other tests' lots must not be held
            dryRoom.disconnect();
        }
    }

    @Test
    void anAuditorTracesBackAndForwardSeesTheChainVerifiedAndIsOfferedNoChange() {
        String admin = ThinPathIT.login("admin1"), supervisor = ThinPathIT.login("supervisor1");
        String operator = ThinPathIT.login("operator1");
        String product = ThinPathIT.sampleProductWithRouting(admin);
        String lotA = ThinPathIT.releasedLot(supervisor, product), lotB = ThinPathIT.releasedLot(supervisor, product);
        String ncmA = ThinPathIT.unique("NCM"), foilA = ThinPathIT.unique("ALF"), film = ThinPathIT.unique("SEF");
        String ncmB = ThinPathIT.unique("NCM"), foilB = ThinPathIT.unique("ALF");
        String cellA = ThinPathIT.unique("C1AH"), cellB = ThinPathIT.unique("C1AH");
        ThinPathIT.receiveRawLots(operator, ncmA, foilA, film);
        ThinPathIT.receiveRawLots(operator, ncmB, foilB, ThinPathIT.unique("SEF"));
        // two cells share the electrolyte film; each has its own cathode material
        ThinPathIT.runTheLine(lotA, cellA, ncmA, foilA, film, ThinPathIT.unique("SUB"), "2.2");
        ThinPathIT.runTheLine(lotB, cellB, ncmB, foilB, film, ThinPathIT.unique("SUB"), "2.2");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ThinPathIT.as(admin)
                .get("/api/genealogy/material-lots/" + film + "/trace/forward").then().statusCode(200)
                .body("totalCells", equalTo(2)));

        try (Browser b = new Browser(plant.gateway, LineViewIT.WALL)) {
            b.open("/").login("auditor1", "auditor1");
            b.waitFor(By.id("trace-search"));
            assertNoChangeOffered(b);
            b.scan(cellA.substring(0, cellA.length() - 1)); // a label read in part: the cells it may be
            b.waitFor(By.id("matches"));
            assertTrue(b.text(By.id("matches")).contains(cellA), b.text(By.id("matches")));
            b.open("/ui/trace");
            b.scan(cellA);
            b.waitFor(By.id("raw-lots"));
            assertEquals(Set.of(ncmA, foilA, film), attributes(b, "#raw-lots tr[data-raw-lot]", "data-raw-lot"),
                    "the cell's raw lots, and no others");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(d -> !"".equals(d.findElement(By.id("trace-graph")).getAttribute("data-drawn")));
            assertTrue(b.text(By.id("steps")).contains("0–250 m"), "the sub-coil's metre range on the coil");
            assertTrue(b.text(By.id("operations")).contains("STACK-01"), "the machine of each operation");
            b.screenshot("en-trace-cell-wall");
            b.resize(Browser.LANDSCAPE);
            b.screenshot("en-trace-cell-tablet");
            assertNoChangeOffered(b);
            // on paper: the record without the frame and its buttons
            ((org.openqa.selenium.chrome.ChromeDriver) b.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                    java.util.Map.of("media", "print"));
            assertTrue(b.all(By.cssSelector(".topbar")).stream().noneMatch(WebElement::isDisplayed), "no frame on paper");
            assertTrue(b.all(By.id("print")).stream().noneMatch(WebElement::isDisplayed), "no buttons on paper");
            b.screenshot("en-as-built-print");
            ((org.openqa.selenium.chrome.ChromeDriver) b.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                    java.util.Map.of("media", ""));

            b.click(By.cssSelector("#raw-lots tr[data-raw-lot='" + film + "'] a"));
            b.waitFor(By.id("forward"));
            assertEquals("2", b.text(By.id("total-cells")));
            assertEquals(Set.of(cellA, cellB), attributes(b, "#reached-cells tr[data-cell]", "data-cell"));
            b.script("document.getElementById('exposure').scrollIntoView()");
            b.screenshot("en-trace-lot-tablet");
            assertNoChangeOffered(b);
            b.open("/ui/trace/material-lots/" + ncmA);
            assertEquals(Set.of(cellA), attributes(b, "#reached-cells tr[data-cell]", "data-cell"),
                    "the cathode material reached exactly the one cell");
            String csv = (String) b.asyncScript("fetch(arguments[0]).then(r => r.text()).then(arguments[1])",
                    "/ui/trace/material-lots/" + ncmA + "/cells.csv");
            assertTrue(csv.startsWith("serial,lot") && csv.contains(cellA) && !csv.contains(cellB), csv);

            b.open("/ui/trace/cells/" + cellA);
            b.click(By.id("cell-audit"));
            b.waitFor(By.id("chains"));
            List<WebElement> chains = b.all(By.cssSelector("#chains .chain"));
            assertEquals(4, chains.size(), "every service's chain");
            for (WebElement chain : chains) {
                assertEquals("true", chain.getAttribute("data-valid"), chain.getText());
            }
            assertTrue(b.text(By.id("audit-rows")).contains(cellA), "the cell's own audit rows");
            b.screenshot("en-audit-trail-tablet");
            assertNoChangeOffered(b);

            b.open("/ui/trace/exposure");
            b.waitFor(By.id("main"));
            b.screenshot("en-exposure-clocks-tablet");
            assertNoChangeOffered(b);
            for (String page : List.of("/ui/quality/holds", "/ui/quality/ncrs", "/ui/lots", "/ui/lots/" + lotA,
                    "/ui/line", "/ui/trace/audit")) {
                b.open(page);
                b.waitFor(By.id("main"));
                assertNoChangeOffered(b);
            }
            b.click(By.cssSelector("button.lang"));
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            b.open("/ui/trace/cells/" + cellA);
            b.waitFor(By.id("raw-lots"));
            b.screenshot("zh-trace-cell-tablet");
            List<String> english = new java.util.ArrayList<>();
            for (String page : List.of("/ui/trace/cells/" + cellA, "/ui/trace/material-lots/" + film,
                    "/ui/trace/audit?entityType=cell&entityId=" + cellA, "/ui/trace/exposure", "/ui/trace",
                    "/ui/quality/holds?shown=all", "/ui/quality/ncrs?status=")) {
                b.open(page);
                b.waitFor(By.id("main"));
                ShopFloorUiIT.englishOnScreen(b).stream().filter(w -> !ABBREVIATIONS.contains(w))
                        .forEach(w -> english.add(page + ": " + w));
            }
            assertEquals(List.of(), english, "English words on the Chinese screens");
            b.click(By.cssSelector("button.lang"));
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        }
    }

    @Test
    void qualityOpensAnNcrRecordsItsRootCauseAndDisposesOfItUnderSignature() {
        String admin = ThinPathIT.login("admin1"), supervisor = ThinPathIT.login("supervisor1");
        String operator = ThinPathIT.login("operator1");
        String lot = ThinPathIT.releasedLot(supervisor, ThinPathIT.sampleProductWithRouting(admin));
        String ncm = ThinPathIT.unique("NCM"), foil = ThinPathIT.unique("ALF"), film = ThinPathIT.unique("SEF");
        String cell = ThinPathIT.unique("C1AH");
        ThinPathIT.receiveRawLots(operator, ncm, foil, film);
        ThinPathIT.runTheLine(lot, cell, ncm, foil, film, ThinPathIT.unique("SUB"), "2.2");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ThinPathIT.as(admin)
                .get("/api/quality/lots/" + lot + "/disposition").then().statusCode(200));
        String code = ThinPathIT.unique("DENT");
        try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
            b.open("/ui/quality/ncrs").login("quality1", "quality1");
            b.waitFor(By.id("open-ncr-form"));
            new org.openqa.selenium.support.ui.Select(b.waitFor(By.id("n-type"))).selectByValue("CELL");
            b.type(By.id("n-code"), code);
            b.type(By.id("n-items"), "NO-SUCH-CELL-1\n" + cell);
            b.type(By.id("n-description"), "dented pouch at the sealing edge");
            b.click(By.id("open-ncr-button"));
            b.waitFor(By.cssSelector("#open-ncr .refusal")); // an unknown cell: nothing is opened, the form stays
            assertTrue(b.text(By.cssSelector("#open-ncr .refusal")).contains("NO-SUCH-CELL-1"));
            b.type(By.id("n-items"), cell);
            b.click(By.id("open-ncr-button"));
            b.waitFor(By.id("ncr-facts"));
            assertTrue(b.text(By.id("ncr-facts")).contains(cell), "the NCR names its cell");
            b.type(By.id("root-cause-text"), "sealing jaw temperature drifted 8 K high");
            b.click(By.id("save-root-cause"));
            b.waitFor(By.cssSelector("#root-cause .done"));
            b.click(By.cssSelector("input[name='disposition'][value='SCRAP']"));
            b.type(By.id("meaning"), "disposition approved");
            b.type(By.id("reason"), "seal integrity cannot be shown; scrap the cell");
            b.click(By.id("review"));
            b.waitForText(By.id("manifest"), "Scrap");
            b.screenshot("en-ncr-manifest-tablet");
            b.signWithPassword("quality1");
            b.waitForText(By.id("ncr-state"), "Scrap");
            b.screenshot("en-ncr-disposed-tablet");
            b.open("/ui/quality/ncrs?status=DISPOSED");
            b.waitFor(By.cssSelector("#ncrs tr[data-defect='" + code + "']"));
            b.screenshot("en-ncrs-tablet");
        }
        ThinPathIT.as(admin).get("/api/quality/ncrs?itemType=CELL&itemId=" + cell).then()
                .body("items[0].status", equalTo("DISPOSED")).body("items[0].disposition", equalTo("SCRAP"))
                .body("items[0].rootCause", equalTo("sealing jaw temperature drifted 8 K high"))
                .body("items[0].dispositionSignature", notNullValue());
    }

    /**
     * Nothing on the page would change the MES: no form that posts, no control that sends a change; the language
     * switch (the person's own preference, kept at Keycloak) and the logout link aside.
     */
    private static void assertNoChangeOffered(Browser b) {
        List<String> changes = b.all(By.cssSelector("form[method='post' i], [hx-post], [hx-put], [hx-patch], "
                + "[hx-delete]")).stream().filter(e -> !"/ui/language".equals(e.getAttribute("hx-post")))
                .map(e -> e.getTagName() + " " + e.getAttribute("id") + " " + e.getAttribute("hx-post"))
                .toList();
        assertEquals(List.of(), changes, "an auditor is offered a change on " + b.url());
    }

    private static Set<String> attributes(Browser b, String css, String attribute) {
        return b.all(By.cssSelector(css)).stream().map(e -> e.getAttribute(attribute)).collect(Collectors.toSet());
    }

    private static void dew(Mqtt3BlockingClient dryRoom, double celsius) {
        ThinPathIT.publish(dryRoom, DEW_POINT, """
                {"eventId":"%s","ts":"%s","values":{"dewPointC":%s}}""".formatted(ThinPathIT.unique("E"),
                Instant.now(), celsius));
    }
}
