package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.systemtests.ThinPathIT.as;
import static org.pilotline.mes.systemtests.ThinPathIT.login;
import static org.pilotline.mes.systemtests.ThinPathIT.unique;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;

/**
 * The live line's production figures and a machine's page (issue 15): an alarm a machine raises over MQTT reaches
 * its tile within two seconds and goes again when cleared, without a reload; the lot started at a machine shows on
 * its tile and in the WIP strip; a machine's page shows its state history with durations, an alarm with its
 * duration and a trend of the process data it published; a tile whose stream dropped while the machine changed
 * state catches up once the stream is back, without a reload. Machines no other system test uses: the mixer
 * (MIX-01) and the coater (COAT-01).
 */
class MachinePageIT {

    private static final String MIXER = "MIX-01";
    private static final String MIXER_TOPIC = "mes/v1/pilot/electrode/L1/" + MIXER + "/";
    private static final String COATER = "COAT-01";
    private static final String COATER_TOPIC = "mes/v1/pilot/electrode/L1/" + COATER + "/";

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        Browser.assumeChromium();
        ThinPathIT.startThePlant();
        plant = Plant.get();
    }

    @Test
    void aMachinesHistoryAlarmsAndTrendsAndItsLotAndAlarmsOnTheLine() {
        Mqtt3BlockingClient machine = connect(MIXER);
        Instant now = Instant.now();
        try {
            // what the mixer did in the last twenty minutes (its clock): ran, was held three minutes, ran again
            publish(machine, MIXER_TOPIC + "state", state("EXECUTE"), now.minusSeconds(1200));
            publish(machine, MIXER_TOPIC + "alarm", """
                    {"eventId":"%s","ts":"%s","code":"TORQUE-HIGH","severity":"CRITICAL","active":true,
                     "text":"torque above limit"}""", now.minusSeconds(725));
            publish(machine, MIXER_TOPIC + "state", state("HELD"), now.minusSeconds(720));
            publish(machine, MIXER_TOPIC + "alarm", """
                    {"eventId":"%s","ts":"%s","code":"TORQUE-HIGH","severity":"CRITICAL","active":false}""",
                    now.minusSeconds(605));
            publish(machine, MIXER_TOPIC + "state", state("EXECUTE"), now.minusSeconds(540));
            for (int i = 0; i < 20; i++) {
                publish(machine, MIXER_TOPIC + "data", """
                        {"eventId":"%s","ts":"%s","values":{"speedRpm":""" + (1200 + i * 5) + ",\"tempC\":"
                        + (24 + i * 0.1) + "}}", now.minusSeconds(1100 - i * 50L));
            }
            String lot = lotStartedAt(MIXER);

            try (Browser b = new Browser(plant.gateway, LineViewIT.WALL)) {
                b.open("/ui/line");
                b.login("supervisor1", "supervisor1");
                String tile = "tile-" + MIXER;
                b.waitForText(By.id(tile), lot); // the lot started there, on its tile
                assertTrue(Integer.parseInt((String) b.script("return document.getElementById('wip-MIX').dataset.lots"))
                        >= 1, "the WIP strip counts the lot in work at mixing");
                b.script("document.body.dataset.loadedOnce = 'yes'");

                Instant sent = Instant.now();
                publish(machine, MIXER_TOPIC + "alarm", """
                        {"eventId":"%s","ts":"%s","code":"LID-OPEN","severity":"WARNING","active":true,
                         "text":"lid not closed"}""", Instant.now());
                new WebDriverWait(b.driver(), Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class)
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(tile), "LID-OPEN"));
                long raised = Duration.between(sent, Instant.now()).toMillis();
                assertEquals(true, b.script("return document.getElementById(arguments[0]).classList.contains('alarmed')",
                        tile));
                b.script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", tile);
                b.screenshot("en-machine-line-wall");
                b.resize(Browser.LANDSCAPE);
                b.script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", tile);
                b.screenshot("en-machine-line-tablet");
                b.resize(LineViewIT.WALL);
                sent = Instant.now();
                publish(machine, MIXER_TOPIC + "alarm", """
                        {"eventId":"%s","ts":"%s","code":"LID-OPEN","severity":"WARNING","active":false}""",
                        Instant.now());
                new WebDriverWait(b.driver(), Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class)
                        .until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id(tile),
                                "LID-OPEN")));
                long cleared = Duration.between(sent, Instant.now()).toMillis();
                assertEquals("yes", b.script("return document.body.dataset.loadedOnce"), "the page was not reloaded");
                System.out.println("line view: MQTT alarm to the tile, ms: raised " + raised + ", cleared " + cleared);

                // the tile opens the machine's page
                b.click(By.id(tile));
                b.waitFor(By.id("states"));
                assertTrue(b.url().endsWith("/ui/line/" + MIXER), b.url());
                b.click(By.id("range-hour"));
                b.waitFor(By.cssSelector("#range-hour.on"));
                WebElement held = b.waitFor(By.cssSelector(".state-row[data-state='HELD']"));
                assertEquals("0:03:00", held.findElement(By.cssSelector(".duration")).getText(),
                        "held from 12 to 9 minutes ago");
                assertFalse(b.all(By.cssSelector(".band rect.s-HELD")).isEmpty(), "the band shows the hold");
                WebElement alarm = b.waitFor(By.cssSelector(".alarm-row[data-code='TORQUE-HIGH']"));
                assertEquals("0:02:00", alarm.findElement(By.cssSelector(".duration")).getText(),
                        "raised 725 s ago, cleared 605 s ago");
                WebElement lid = b.waitFor(By.cssSelector(".alarm-row[data-code='LID-OPEN']"));
                assertFalse(lid.getAttribute("class").contains("active"), "cleared");
                new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> "20".equals(
                        d.findElement(By.id("trend-speedRpm")).getAttribute("data-points")));
                assertTrue(b.all(By.cssSelector("#trend-speedRpm canvas")).size() >= 1, "drawn by ECharts");
                Object last = b.script("""
                        const s = echarts.getInstanceByDom(document.getElementById('trend-speedRpm')).getOption().series[0];
                        return s.data[s.data.length - 1][1];""");
                assertEquals(1295.0, ((Number) last).doubleValue(), 1e-9, "the last speed published");
                b.screenshot("en-machine-wall");
                b.script("document.getElementById('alarms').scrollIntoView()");
                b.screenshot("en-machine-trends-wall");
                b.resize(Browser.LANDSCAPE);
                b.script("window.scrollTo(0, 0)");
                b.screenshot("en-machine-tablet");
                b.script("document.getElementById('trends').scrollIntoView()");
                b.screenshot("en-machine-trends-tablet");
                b.resize(LineViewIT.WALL);

                // one tag over a chosen range
                b.open("/ui/line/" + MIXER + "?tag=tempC&from=" + local(now.minusSeconds(3600)) + "&to="
                        + local(now.plusSeconds(60)));
                b.waitFor(By.id("trend-tempC"));
                assertTrue(b.all(By.id("trend-speedRpm")).isEmpty(), "only the tag chosen");
                new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> "20".equals(
                        d.findElement(By.id("trend-tempC")).getAttribute("data-points")));

                b.open("/ui/line/" + MIXER + "?range=hour");
                b.click(By.cssSelector("button.lang"));
                new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#states h2"),
                                "状态历史"));
                new WebDriverWait(b.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.id("trend-speedRpm")).getAttribute("data-points") != null);
                b.screenshot("zh-machine-wall");
                b.resize(Browser.LANDSCAPE);
                b.screenshot("zh-machine-tablet");
                b.click(By.cssSelector("button.lang")); // back to English for the next test
                new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#states h2"),
                                "State history"));
            }
        } finally {
            machine.disconnect();
        }
    }

    @Test
    void aTileWhoseStreamDroppedWhileItsMachineChangedCatchesUpOnReconnectWithoutAReload() {
        Mqtt3BlockingClient machine = connect(COATER);
        try (Browser b = new Browser(plant.gateway, LineViewIT.WALL)) {
            publish(machine, COATER_TOPIC + "state", state("EXECUTE"), Instant.now());
            b.open("/ui/line");
            b.login("supervisor1", "supervisor1");
            String tile = "tile-" + COATER;
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.attributeToBe(By.id(tile), "data-state", "EXECUTE"));
            b.script("document.body.dataset.loadedOnce = 'yes'");
            // only what the stream triggers may refresh the tiles here, not the page's own schedule: the catching up
            // below must come from the reconnection
            b.script("""
                    window.__down = false;
                    document.body.addEventListener('htmx:configRequest', e => {
                      const t = e.detail.triggeringEvent;
                      if (window.__down || !t || !(t.type === 'htmx:sseOpen' || t.type.startsWith('sse:'))) {
                        e.preventDefault();
                      }
                    });""");
            // the stream drops: no event reaches the page while the coater is held
            b.script("""
                    const el = document.querySelector('[sse-connect]');
                    window.__dropped = el['htmx-internal-data'].sseEventSource;
                    window.__down = true;
                    window.__dropped.close();""");
            publish(machine, COATER_TOPIC + "state", state("HELD"), Instant.now());
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            assertEquals("EXECUTE", b.driver().findElement(By.id(tile)).getAttribute("data-state"),
                    "nothing reached the page while its stream was down");
            // the connection reports its loss, as a browser does when the network or the gateway went away; the
            // SSE extension connects again, and the page fetches the tiles as they are now
            Instant back = Instant.now();
            b.script("window.__down = false; window.__dropped.onerror(new Event('error'))");
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.attributeToBe(By.id(tile), "data-state", "HELD"));
            System.out.println("line view: resynchronised " + Duration.between(back, Instant.now()).toMillis()
                    + " ms after the stream came back");
            assertEquals("yes", b.script("return document.body.dataset.loadedOnce"), "the page was not reloaded");
            // and it is live again: the next change is pushed
            publish(machine, COATER_TOPIC + "state", state("EXECUTE"), Instant.now());
            new WebDriverWait(b.driver(), Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.attributeToBe(By.id(tile), "data-state", "EXECUTE"));
        } finally {
            machine.disconnect();
        }
    }

    /** A one-operation product on the mixer, a released lot, started at {@code station} by an operator. */
    private static String lotStartedAt(String station) {
        String admin = login("admin1");
        String product = unique("MIX-CELL");
        as(admin).body("""
                {"code":"%s","name":"mixing trial","stage":"SAMPLE","nominalCapacityAh":1}""".formatted(product))
                .post("/api/work-orders/products").then().statusCode(201);
        as(admin).body("""
                {"code":"R-%s","product":"%s","operations":[
                  {"sequence":10,"code":"MIX","name":"Composite cathode mixing","equipmentClass":"MIXER"}]}"""
                .formatted(product, product)).post("/api/work-orders/routings").then().statusCode(201);
        as(admin).post("/api/work-orders/routings/R-" + product + "/versions/1/release").then().statusCode(200);
        String quality = login("quality1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(quality).get("/api/quality/plans/" + product)
                .then().statusCode(200));
        String lot = ShopFloorUiIT.releasedLot(product, 10);
        String operator = login("operator1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(operator).body("{\"station\":\"" + station
                + "\"}").post("/api/work-orders/lots/" + lot + "/operations/MIX/start").then().statusCode(200));
        return lot;
    }

    private static String state(String state) {
        return """
                {"eventId":"%s","ts":"%s","state":"STATE","mode":"PRODUCTION"}""".replace("STATE", state);
    }

    private static String local(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(at.atZone(java.time.ZoneId.systemDefault()));
    }

    static Mqtt3BlockingClient connect(String machine) {
        return connect(plant, machine);
    }

    /** A machine's connection to the plant's broker, on the test harness's account. */
    static Mqtt3BlockingClient connect(Plant plant, String machine) {
        URI broker = URI.create(plant.broker.url());
        Mqtt3BlockingClient client = Mqtt3Client.builder().identifier(machine + "-" + UUID.randomUUID())
                .serverHost(broker.getHost()).serverPort(broker.getPort()).simpleAuth()
                .username(Plant.HARNESS.username()).password(Plant.HARNESS.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().buildBlocking();
        client.connect();
        return client;
    }

    /** {@code payload} with its event id and the machine's timestamp filled in. */
    static void publish(Mqtt3BlockingClient client, String topic, String payload, Instant ts) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload
                .formatted(UUID.randomUUID(), ts).getBytes(StandardCharsets.UTF_8)).send();
    }
}
