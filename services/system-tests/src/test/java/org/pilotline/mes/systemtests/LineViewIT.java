package org.pilotline.mes.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;

/**
 * The live line on a wall screen: a state message a machine publishes over MQTT turns its tile within two seconds,
 * pushed to the open page, without a reload. Screenshots at wall-screen and tablet size, in both languages.
 */
class LineViewIT {

    static final Dimension WALL = new Dimension(1920, 1080);
    /** The aging chamber: no other system test runs work on it, and it is put back as it was. */
    private static final String MACHINE = "AGE-01";
    private static final String TOPIC = "mes/v1/pilot/formation/L1/" + MACHINE + "/state";

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        Browser.assumeChromium();
        ThinPathIT.startThePlant(); // the pilot line's seed: limits of the dry room and the glovebox
        plant = Plant.get();
    }

    @Test
    void aStateMessageTurnsTheMachinesTileWithinTwoSecondsWithoutAReload() {
        Mqtt3BlockingClient machine = connect();
        String tile = "tile-" + MACHINE;
        List<Long> latencies = new ArrayList<>();
        // the atmospheres, within their limits (an excursion would hold what stands in the room)
        publish(machine, "mes/v1/pilot/assembly/L1/DRYROOM-01/data", """
                {"eventId":"%s","ts":"%s","values":{"dewPointC":-52.4,"tempC":21.2,"h2sPpm":0.04}}""");
        publish(machine, "mes/v1/pilot/electrolyte/L1/GLOVEBOX-01/data", """
                {"eventId":"%s","ts":"%s","values":{"o2Ppm":0.4,"h2oPpm":0.2,"h2sPpm":0.02}}""");
        try (Browser b = new Browser(plant.gateway, WALL)) {
            b.open("/ui/line");
            b.login("supervisor1", "supervisor1");
            b.waitFor(By.id(tile));
            b.waitForText(By.id("tile-DRYROOM-01"), "-52.4");
            String before = b.driver().findElement(By.id(tile)).getAttribute("data-state");
            ((JavascriptExecutor) b.driver()).executeScript("document.body.dataset.loadedOnce = 'yes'"); // gone if the page reloads
            for (String state : List.of("HELD", "EXECUTE", "SUSPENDED", "EXECUTE")) {
                Instant sent = Instant.now();
                publish(machine, state);
                try {
                    new WebDriverWait(b.driver(), Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class)
                            .until(ExpectedConditions.attributeToBe(By.id(tile), "data-state", state));
                } catch (org.openqa.selenium.TimeoutException e) {
                    System.out.println("line view without " + state + " on " + tile + ":\n" + b.script(
                            "const t = document.getElementById('line-tiles'); return t ? t.outerHTML.substring(0, 3000)"
                                    + " : document.body.outerHTML.substring(0, 3000)"));
                    throw e;
                }
                latencies.add(Duration.between(sent, Instant.now()).toMillis());
                if (state.equals("HELD")) {
                    b.screenshot("en-line-wall");
                    b.resize(Browser.LANDSCAPE);
                    b.screenshot("en-line-tablet");
                    b.resize(WALL);
                }
            }
            assertTrue("yes".equals(((JavascriptExecutor) b.driver()).executeScript("return document.body.dataset.loadedOnce")),
                    "the page was not reloaded");
            b.click(By.cssSelector("button.lang")); // the person's language, as they switch it
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "实时产线"));
            b.screenshot("zh-line-wall");
            b.resize(Browser.PORTRAIT);
            b.screenshot("zh-line-tablet-portrait");
            if (before != null && !before.isBlank() && !before.equals("EXECUTE")) {
                publish(machine, before);
            }
        } finally {
            machine.disconnect();
        }
        System.out.println("line view: MQTT state message to the changed tile, ms: " + latencies);
    }

    private static Mqtt3BlockingClient connect() {
        URI broker = URI.create(plant.broker.url());
        Mqtt3BlockingClient client = Mqtt3Client.builder().identifier(MACHINE + "-" + UUID.randomUUID())
                .serverHost(broker.getHost()).serverPort(broker.getPort()).simpleAuth()
                .username(Plant.HARNESS.username()).password(Plant.HARNESS.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().buildBlocking();
        client.connect();
        return client;
    }

    private static void publish(Mqtt3BlockingClient machine, String state) {
        publish(machine, TOPIC, """
                {"eventId":"%s","ts":"%s","state":"STATE","mode":"PRODUCTION"}""".replace("STATE", state));
    }

    /** {@code payload} with its event id and timestamp filled in. */
    private static void publish(Mqtt3BlockingClient client, String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload
                .formatted(UUID.randomUUID(), Instant.now()).getBytes(StandardCharsets.UTF_8)).send();
    }
}
