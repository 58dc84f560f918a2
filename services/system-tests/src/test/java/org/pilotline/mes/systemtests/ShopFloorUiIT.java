package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.systemtests.ThinPathIT.as;
import static org.pilotline.mes.systemtests.ThinPathIT.equipment;
import static org.pilotline.mes.systemtests.ThinPathIT.login;
import static org.pilotline.mes.systemtests.ThinPathIT.publish;
import static org.pilotline.mes.systemtests.ThinPathIT.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;

/**
 * The shop-floor UI in a real headless Chromium against the whole plant (gateway, Keycloak's own login page, the
 * four services, the broker): what operators and supervisors do on their tablets, and what they must not be able
 * to do. Screenshots of each screen, in both languages, go to target/ui-screenshots (docs/ui.md shows them).
 */
class ShopFloorUiIT {

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        Browser.assumeChromium();
        ThinPathIT.startThePlant();
        plant = Plant.get();
    }

    /** A 20 Ah product pressed at 430..470 MPa, whose stack height an operator measures by hand. */
    static String pressedProduct() {
        String admin = login("admin1");
        String product = unique("CELL-20AH");
        as(admin).body("""
                {"code":"%s","name":"20 Ah process cell","stage":"PROCESS","nominalCapacityAh":20}""".formatted(product))
                .post("/api/work-orders/products").then().statusCode(201);
        as(admin).body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking","equipmentClass":"STACKER","characteristics":[
                    {"code":"THK","name":"Stack height","unit":"mm","lowerLimit":4.0,"upperLimit":4.5}]},
                  {"sequence":20,"code":"WIP","name":"Warm isostatic pressing","equipmentClass":"ISOSTATIC_PRESS",
                   "parameters":[
                    {"code":"PRESSURE","name":"Isostatic pressure","unit":"MPa","lowerLimit":430,"target":450,"upperLimit":470},
                    {"code":"HOLD","name":"Hold time","unit":"s","lowerLimit":200,"target":240,"upperLimit":300}]},
                  {"sequence":30,"code":"SEAL","name":"Pouch sealing","equipmentClass":"SEALER"}]}"""
                .formatted(product, product)).post("/api/work-orders/routings").then().statusCode(201);
        as(admin).post("/api/work-orders/routings/R-" + product + "/versions/1/release").then().statusCode(200);
        String quality = login("quality1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(quality).get("/api/quality/plans/" + product)
                .then().statusCode(200));
        as(quality).body("""
                {"reason":"stack height measured by the operator with a gauge","characteristics":[
                  {"operation":"STACK","code":"THK","name":"Stack height","unit":"mm","lowerLimit":4.0,"upperLimit":4.5,
                   "sampling":"PER_LOT","sampleSize":1,"source":"MANUAL","entryRoles":["operator"]}]}""")
                .put("/api/quality/plans/" + product).then().statusCode(201);
        return product;
    }

    static String releasedLot(String product, int quantity) {
        String supervisor = login("supervisor1");
        String number = as(supervisor).body("{\"product\":\"%s\",\"plannedQuantity\":%d}".formatted(product, quantity))
                .post("/api/work-orders/work-orders").then().statusCode(201).extract().path("number");
        as(supervisor).post("/api/work-orders/work-orders/" + number + "/release").then().statusCode(200);
        return number + "-01";
    }

    private static long auditCount(String token, String lot, String action) {
        List<String> actions = as(token).get("/api/work-orders/audit?entityType=lot&entityId=" + lot + "&size=200")
                .then().statusCode(200).extract().path("items.action");
        return actions.stream().filter(action::equals).count();
    }

    @Test
    void anOperatorScansStationAndLotIsRefusedWithTheReasonMeasuresStartsBooksAndCompletesOnce() throws Exception {
        String product = pressedProduct();
        String lot = releasedLot(product, 10);
        String operator = login("operator1");
        as(operator).body("{\"station\":\"STACK-01\"}").post("/api/work-orders/lots/" + lot + "/operations/STACK/start")
                .then().statusCode(200);
        as(operator).body("{}").post("/api/work-orders/lots/" + lot + "/operations/STACK/complete").then()
                .statusCode(200);
        String film = unique("SEF");
        as(operator).body("""
                {"id":"%s","materialType":"SE_FILM","quantity":100,"unit":"m","supplier":"Pilot Supplies",
                 "supplierLot":"SUP-%s"}""".formatted(film, film)).post("/api/genealogy/material-lots").then()
                .statusCode(201);

        try (FaultProxy wifi = new FaultProxy(plant.gateway); Browser b = new Browser(wifi.url(), Browser.LANDSCAPE)) {
            b.open("/").login("operator1", "operator1");
            b.waitFor(By.cssSelector("[data-scan-target]"));
            assertTrue(b.url().endsWith("/ui/station"), "an operator starts at the station picker: " + b.url());
            b.screenshot("en-station-picker");

            b.scan("PRESS-01"); // the station's barcode, with no field clicked first
            b.waitForText(By.cssSelector(".station-head .name"), "PRESS-01");
            b.scan(lot);
            assertEquals("WIP", b.waitFor(By.id("work")).getAttribute("data-operation"));

            b.click(By.id("start"));
            String refusal = b.text(By.cssSelector("#refusal .refusal"));
            assertTrue(refusal.contains("Quality is still waiting for measurements of the step before"), refusal);
            assertTrue(refusal.contains("THK"), "the reason names what is missing: " + refusal);
            b.screenshot("en-start-refused");

            b.type(By.cssSelector("form[data-characteristic='THK'] input[name='value']"), "4.2");
            b.click(By.cssSelector("form[data-characteristic='THK'] button[type='submit']"));
            b.waitForText(By.id("done"), "Measurement recorded.");
            List<String> verdicts = as(operator).get("/api/quality/measurements?lot=" + lot).then().statusCode(200)
                    .extract().path("items.verdict");
            assertEquals(List.of("PASS"), verdicts);

            b.click(By.id("start"));
            b.waitForText(By.id("done"), "Started.");

            b.scan(film); // the material lot's label: offered for booking into the open lot
            b.waitFor(By.id("material-form"));
            b.type(By.id("qty"), "0.3");
            b.click(By.id("book"));
            b.waitForText(By.id("done"), "Material booked.");
            as(operator).get("/api/genealogy/material-lots/" + film).then().statusCode(200)
                    .body("quantity", equalTo(99.7f));

            b.type(By.id("p-PRESSURE"), "520");
            b.type(By.id("p-HOLD"), "240");
            assertTrue(b.waitFor(By.cssSelector("[data-flag-for='p.PRESSURE']")).isDisplayed(),
                    "520 MPa is flagged as it is typed");
            assertFalse(b.driver().findElement(By.cssSelector("[data-flag-for='p.HOLD']")).isDisplayed());
            b.screenshot("en-out-of-limit");
            b.click(By.id("complete")); // no reason yet: the form is not sent
            assertEquals(Boolean.TRUE, b.script("return document.getElementById('oolr').matches(':invalid')"));
            Thread.sleep(500);
            as(operator).get("/api/work-orders/lots/" + lot + "/operations").then()
                    .body("find { it.operation == 'WIP' }.state", equalTo("STARTED"));

            b.type(By.id("oolr"), "press recalibrated this morning; quality agreed");
            wifi.dropAnswersTo("/complete"); // the completion arrives, its answer is lost (Chromium's retry's too)
            b.click(By.id("complete"));
            b.waitFor(By.cssSelector("#complete-form .send-error"));
            assertTrue(wifi.dropped() >= 1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(operator)
                    .get("/api/work-orders/lots/" + lot + "/operations").then()
                    .body("find { it.operation == 'WIP' }.state", equalTo("COMPLETED")));
            assertEquals("520", b.driver().findElement(By.id("p-PRESSURE")).getAttribute("value"),
                    "what was typed stays in the form");

            wifi.restore();
            b.click(By.id("complete")); // sent again: the same submission, applied once
            b.waitForText(By.id("done"), "Completed.");
            assertEquals(2, auditCount(login("auditor1"), lot, "operation.completed"),
                    "STACK and WIP completed once each, not WIP twice");
            as(operator).get("/api/work-orders/lots/" + lot + "/operations").then()
                    .body("find { it.operation == 'WIP' }.values.PRESSURE", equalTo(520))
                    .body("find { it.operation == 'WIP' }.outOfLimitReason",
                            equalTo("press recalibrated this morning; quality agreed"));
            b.screenshot("en-completed");
        }
    }

    @Test
    void aSupervisorCreatesAndReleasesAnOrderApprovesUnderAFreshPasswordAndIsRefusedOnHerOwnLastOperation() {
        String admin = login("admin1"), supervisor = login("supervisor1"), operator = login("operator1");
        String product = ThinPathIT.sampleProductWithRouting(admin);
        String ready = ThinPathIT.releasedLot(supervisor, product);
        String ncm = unique("NCM"), foil = unique("ALF"), film = unique("SEF");
        ThinPathIT.receiveRawLots(operator, ncm, foil, film);
        ThinPathIT.runTheLine(ready, unique("C1AH"), ncm, foil, film, unique("CC"), "2.21");
        String ownLast = ThinPathIT.releasedLot(supervisor, product);
        runAllButTheLast(ownLast, unique("C1AH"), ncm, film);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(supervisor).get("/api/work-orders/lots/" + ready)
                .then().body("state", equalTo("READY")));

        try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
            b.open("/").login("supervisor1", "supervisor1");
            b.waitFor(By.id("new-order"));
            assertTrue(b.url().endsWith("/ui/orders"), "a supervisor starts at the work orders: " + b.url());

            b.click(By.cssSelector("#new-order summary"));
            new org.openqa.selenium.support.ui.Select(b.waitFor(By.id("c-product"))).selectByValue(product);
            b.type(By.id("c-qty"), "40");
            b.type(By.id("c-lot"), "20");
            b.screenshot("en-new-order");
            b.click(By.id("create-order"));
            b.waitFor(By.id("order-actions"));
            String number = b.text(By.cssSelector("#order h1 bdi"));
            b.click(By.id("action-release"));
            b.waitForText(By.cssSelector("#order"), "Released: its lots are created and can be run.");
            assertEquals(2, b.all(By.cssSelector("#lots tbody tr")).size(), "40 cells in lots of 20");
            as(supervisor).get("/api/work-orders/work-orders/" + number).then().body("state", equalTo("RELEASED"));
            b.screenshot("en-order-released");

            b.open("/ui/lots/" + ready);
            b.waitFor(By.id("quality-ok"));
            b.screenshot("en-lot-ready");
            b.type(By.id("meaning"), "approved for release");
            b.type(By.id("reason"), "OCV within limits, all gates passed");
            b.click(By.id("review"));
            String manifest = b.text(By.id("manifest"));
            assertTrue(manifest.contains("Sam Supervisor") && manifest.contains("approved for release")
                    && manifest.contains("OCV within limits"), manifest);
            b.screenshot("en-signature-manifest");
            b.click(By.id("sign"));
            b.waitFor(By.id("password")); // Keycloak asks for the password again
            assertTrue(b.url().contains("max_age=0") || b.url().contains("login-actions"), b.url());
            b.screenshot("en-signature-password");
            b.login("supervisor1", "supervisor1");
            b.waitForText(By.id("flash"), "Signed and recorded.");
            assertTrue(b.text(By.id("flash")).contains("approved for release"));
            as(supervisor).get("/api/work-orders/lots/" + ready).then().body("state", equalTo("APPROVED"));
            b.screenshot("en-lot-approved");

            b.open("/ui/lots/" + ownLast);
            assertTrue(b.text(By.id("four-eyes")).contains("another supervisor must sign"),
                    "the four-eyes refusal is said plainly");
            assertTrue(b.all(By.id("approval-form")).isEmpty(), "no approval is offered to her on that lot");
            b.screenshot("en-four-eyes");
        }
    }

    /** The machines make a cell and complete all but the last operation, which supervisor1 completes herself. */
    private static void runAllButTheLast(String lot, String cell, String ncm, String film) {
        Mqtt3BlockingClient c = equipment();
        String ts = Instant.now().toString();
        String subCoil = unique("CC");
        publish(c, "mes/v1/pilot/electrode/L1/SLIT-01/event", """
                {"eventId":"%s","ts":"%s","type":"material.produced","materialLot":"%s",
                 "materialType":"CATHODE_SUBCOIL","quantity":10,"unit":"m",
                 "inputs":[{"materialLot":"%s","quantity":0.1,"unit":"kg"}]}""".formatted(unique("E"), ts, subCoil, ncm));
        publish(c, "mes/v1/pilot/assembly/L1/STACK-01/event", """
                {"eventId":"%s","ts":"%s","type":"cell.assembled","cell":"%s","lot":"%s",
                 "inputs":[{"materialLot":"%s","quantity":0.3,"unit":"m"},{"materialLot":"%s","quantity":0.3,"unit":"m"}]}"""
                .formatted(unique("E"), ts, cell, lot, subCoil, film));
        publish(c, "mes/v1/pilot/formation/L1/GRADE-01/event", """
                {"eventId":"%s","ts":"%s","type":"measurement","characteristic":"OCV","value":2.2,"unit":"V","cell":"%s"}"""
                .formatted(unique("E"), ts, cell));
        for (String[] step : new String[][] { { "assembly", "STACK-01", "STACK" }, { "assembly", "PRESS-01", "WIP" },
                { "formation", "FORM-01", "FORM" } }) {
            publish(c, "mes/v1/pilot/" + step[0] + "/L1/" + step[1] + "/event", """
                    {"eventId":"%s","ts":"%s","type":"unit.completed","operation":"%s","lot":"%s"}"""
                    .formatted(unique("E"), ts, step[2], lot));
        }
        c.disconnect();
        String supervisor = login("supervisor1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(supervisor)
                .get("/api/work-orders/lots/" + lot + "/operations").then()
                .body("find { it.operation == 'FORM' }.state", equalTo("COMPLETED")));
        // a loaded test machine may keep quality from answering within work-orders' 3 s (503): a person tries again
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(supervisor).body("{}")
                .post("/api/work-orders/lots/" + lot + "/operations/OCV/start").then().statusCode(200));
        as(supervisor).body("{}").post("/api/work-orders/lots/" + lot + "/operations/OCV/complete").then()
                .statusCode(200);
    }

    @Test
    void aScannedCellSerialStartsTheOperationForThatCellAlone() {
        String product = pressedProduct();
        String lot = releasedLot(product, 10);
        String operator = login("operator1");
        List<String> serials = as(operator).body("{\"count\":2,\"station\":\"STACK-01\"}")
                .post("/api/work-orders/lots/" + lot + "/serials").then().statusCode(201).extract().path("serials");
        String film = unique("SEF");
        as(operator).body("""
                {"id":"%s","materialType":"SE_FILM","quantity":100,"unit":"m","supplier":"Pilot Supplies",
                 "supplierLot":"SUP-%s"}""".formatted(film, film)).post("/api/genealogy/material-lots").then()
                .statusCode(201);
        Mqtt3BlockingClient stacker = equipment();
        for (String serial : serials) {
            publish(stacker, "mes/v1/pilot/assembly/L1/STACK-01/event", """
                    {"eventId":"%s","ts":"%s","type":"cell.assembled","cell":"%s","lot":"%s",
                     "inputs":[{"materialLot":"%s","quantity":0.3,"unit":"m"}]}"""
                    .formatted(unique("E"), Instant.now(), serial, lot, film));
        }
        stacker.disconnect();
        as(operator).body("{\"station\":\"STACK-01\"}").post("/api/work-orders/lots/" + lot + "/operations/STACK/start")
                .then().statusCode(200);
        as(operator).body("{}").post("/api/work-orders/lots/" + lot + "/operations/STACK/complete").then()
                .statusCode(200);
        as(operator).body("{\"characteristic\":\"THK\",\"value\":4.3,\"unit\":\"mm\",\"lot\":\"" + lot + "\"}")
                .post("/api/quality/measurements").then().statusCode(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(operator).get("/api/genealogy/cells/" + serials.get(0))
                .then().statusCode(200).body("lot", equalTo(lot)));

        try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
            b.open("/ui/station/PRESS-01").login("operator1", "operator1");
            b.waitFor(By.id("dispatch"));
            b.scan(serials.get(0));
            assertEquals(serials.get(0), b.text(By.id("cell")));
            assertTrue(b.text(By.id("start")).contains("this cell"), b.text(By.id("start")));
            b.click(By.id("start"));
            b.waitForText(By.id("done"), "Started.");
        }
        as(operator).get("/api/work-orders/cells/" + serials.get(0) + "/operations").then()
                .body("find { it.operation == 'WIP' }.state", equalTo("STARTED"))
                .body("find { it.operation == 'WIP' }.scope", equalTo("CELL"));
        as(operator).get("/api/work-orders/cells/" + serials.get(1) + "/operations").then()
                .body("find { it.operation == 'WIP' }.state", equalTo("STARTED"))
                .body("find { it.operation == 'WIP' }.scope", equalTo("LOT"));
    }

    @Test
    void anOpenConsoleShowsNewWorkWithoutAReloadAsSoonAsItIsReleased() {
        String product = pressedProduct();
        try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
            b.open("/ui/station/STACK-01").login("operator1", "operator1");
            b.waitFor(By.id("dispatch"));
            b.script("window.__notReloaded = true");
            String lot = releasedLot(product, 5); // released by a supervisor elsewhere
            // pushed (server-sent event from the lot.created / work-order.released events), well before the
            // screen's own refresh every 30 s would fetch it
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(
                    d -> !d.findElements(By.cssSelector("#dispatch [data-lot='" + lot + "']")).isEmpty());
            assertEquals(Boolean.TRUE, b.script("return window.__notReloaded === true"), "no reload of the page");
        }
    }

    @Test
    void anOperatorIsOfferedNoApprovalAndTheRequestMadeAnywayIsRefused() {
        String admin = login("admin1"), supervisor = login("supervisor1"), operator = login("operator1");
        String lot = ThinPathIT.releasedLot(supervisor, ThinPathIT.sampleProductWithRouting(admin));
        try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
            b.open("/ui/lots/" + lot).login("operator1", "operator1");
            b.waitFor(By.id("lot"));
            assertTrue(b.all(By.id("approval")).isEmpty(), "no decision section for an operator");
            List<String> nav = b.all(By.cssSelector(".topbar nav a")).stream().map(e -> e.getText()).toList();
            assertFalse(nav.contains("Work orders") || nav.contains("Qualifications"), nav.toString());
            // forged from the operator's own page: the gateway's UI refuses it, and so does work-orders itself
            Object status = b.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/ui/lots/%s/approval/review', {method: 'POST', headers: {
                        'Content-Type': 'application/x-www-form-urlencoded',
                        'X-CSRF-Token': JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token']},
                      body: 'decision=APPROVE&meaning=approved&reason=forged'}).then(r => done(r.status));"""
                    .formatted(lot));
            assertEquals(403L, ((Number) status).longValue());
        }
        as(operator).body("{\"decision\":\"APPROVE\",\"meaning\":\"approved for release\",\"reason\":\"forged\"}")
                .post("/api/work-orders/lots/" + lot + "/approval").then().statusCode(403);
    }

    @Test
    void theChineseOperatorConsoleShowsNoEnglish() {
        String product = pressedProduct();
        String lot = releasedLot(product, 10);
        String operator = login("operator2");
        try (Browser b = new Browser(plant.gateway, Browser.PORTRAIT)) {
            b.open("/").login("operator2", "operator2");
            b.waitFor(By.cssSelector("[data-scan-target]"));
            assertEquals("zh-CN", b.script("return document.documentElement.lang"));
            assertEquals(List.of(), englishOnScreen(b), "the station picker");
            b.screenshot("zh-station-picker");
            b.scan("STACK-01");
            b.waitFor(By.cssSelector(".station-head"));
            b.scan(lot);
            b.waitFor(By.id("work"));
            b.click(By.id("start"));
            b.waitFor(By.id("done"));
            assertEquals(List.of(), englishOnScreen(b), "the console with an operation started");
            b.screenshot("zh-console-started");
        }
        as(operator).get("/api/work-orders/lots/" + lot + "/operations").then()
                .body("state", hasItem("STARTED"));
    }

    /**
     * Words of two or more Latin letters the person can see, outside the data the MES shows as it is (ids,
     * codes, names from the routing: marked bdi.v), the language switch (written in its own language) and unit
     * symbols (Ah).
     */
    @SuppressWarnings("unchecked")
    static List<String> englishOnScreen(Browser b) {
        return (List<String>) b.script("""
                const found = [], UNITS = ['Ah'];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const node = walker.currentNode, el = node.parentElement;
                  if (!el || el.closest('.v, [lang="en"], script, style, [hidden]') || !el.offsetParent) continue;
                  const words = node.textContent.match(/[A-Za-z]{2,}/g);
                  if (words) found.push(...words.filter(w => !UNITS.includes(w)));
                }
                document.querySelectorAll('input[placeholder], button, [aria-label]').forEach(el => {
                  if (el.closest('.v, [lang="en"], [hidden]') || !el.offsetParent) return;
                  const words = ((el.getAttribute('placeholder') || '') + ' ' + (el.getAttribute('aria-label') || ''))
                      .match(/[A-Za-z]{2,}/g);
                  if (words) found.push(...words.filter(w => !UNITS.includes(w)));
                });
                return found;""");
    }
}
