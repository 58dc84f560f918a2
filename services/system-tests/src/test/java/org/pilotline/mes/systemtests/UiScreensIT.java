package org.pilotline.mes.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.systemtests.ThinPathIT.as;
import static org.pilotline.mes.systemtests.ThinPathIT.login;
import static org.pilotline.mes.systemtests.ThinPathIT.unique;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every screen of the shop-floor UI at tablet size, in English and in Simplified Chinese, as docs/ui.md shows
 * them; in Chinese no screen shows an English word outside the data the MES shows as it is (ids, codes, the
 * routing's names).
 */
class UiScreensIT {

    private static Plant plant;

    @BeforeAll
    static void startThePlant() throws Exception {
        Browser.assumeChromium();
        ThinPathIT.startThePlant();
        plant = Plant.get();
    }

    @Test
    void eachScreenInBothLanguagesAndNoEnglishInTheChineseOnes() {
        String admin = login("admin1"), supervisor = login("supervisor1"), operator = login("operator1");
        String pressed = ShopFloorUiIT.pressedProduct();
        String sample = ThinPathIT.sampleProductWithRouting(admin);
        as(supervisor).body("{\"user\":\"operator2\",\"qualification\":\"PRESS_OPERATION\",\"validUntil\":\"2030-06-30\"}")
                .post("/api/work-orders/qualifications").then().statusCode(201);
        List<String> english = new ArrayList<>();
        for (String[] who : new String[][] { { "en", "operator1", "supervisor1" }, { "zh", "operator2", "supervisor2" } }) {
            String lang = who[0];
            // a lot waiting at the press whose gate of stacking waits for a measurement, and one to complete
            String waiting = ShopFloorUiIT.releasedLot(pressed, 10);
            as(operator).body("{\"station\":\"STACK-01\"}")
                    .post("/api/work-orders/lots/" + waiting + "/operations/STACK/start").then().statusCode(200);
            as(operator).body("{}").post("/api/work-orders/lots/" + waiting + "/operations/STACK/complete").then()
                    .statusCode(200);
            String stacking = ShopFloorUiIT.releasedLot(pressed, 10);
            String ready = ThinPathIT.releasedLot(supervisor, sample);
            String ncm = unique("NCM"), foil = unique("ALF"), film = unique("SEF");
            ThinPathIT.receiveRawLots(operator, ncm, foil, film);
            ThinPathIT.runTheLine(ready, unique("C1AH"), ncm, foil, film, unique("CC"), "2.21");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(supervisor)
                    .get("/api/work-orders/lots/" + ready).then().body("state", equalTo("READY")));

            try (Browser b = new Browser(plant.gateway, Browser.LANDSCAPE)) {
                b.open("/ui/station/PRESS-01");
                b.waitFor(By.id("password"));
                if ("zh".equals(lang)) {
                    b.open("/language?set=zh-CN").open("/ui/station/PRESS-01");
                    b.waitFor(By.id("password"));
                }
                b.screenshot(lang + "-login");
                b.login(who[1], who[1]);
                b.waitFor(By.id("dispatch"));
                check(b, lang, "station-console", english);
                b.scan(waiting);
                b.click(By.id("start"));
                b.waitFor(By.cssSelector("#refusal .refusal"));
                check(b, lang, "start-refused", english);

                b.open("/ui/station/STACK-01?lot=" + stacking + "&op=STACK");
                b.click(By.id("start"));
                b.waitFor(By.id("complete-form"));
                b.type(By.id("scrap"), "1");
                check(b, lang, "complete-form", english);
                b.resize(Browser.PORTRAIT);
                b.open("/ui/station/PRESS-01?lot=" + waiting + "&op=WIP");
                b.waitFor(By.id("work"));
                check(b, lang, "station-console-portrait", english);
                b.resize(Browser.LANDSCAPE);
                b.open("/ui/station/choose");
                b.waitFor(By.cssSelector(".stations"));
                check(b, lang, "station-picker", english);
                b.open("/auth/logout");
                b.waitFor(By.id("login"));
                check(b, lang, "logged-out", english);

                b.click(By.id("login"));
                b.login(who[2], who[2]);
                b.waitFor(By.id("new-order"));
                b.click(By.cssSelector("#new-order summary"));
                check(b, lang, "work-orders", english);
                b.open("/ui/orders/" + ready.substring(0, ready.length() - 3));
                b.waitFor(By.id("order"));
                check(b, lang, "work-order", english);
                b.open("/ui/lots");
                b.waitFor(By.id("lots"));
                check(b, lang, "lots-ready", english);
                b.open("/ui/lots/" + ready);
                b.waitFor(By.id("quality-ok"));
                b.type(By.id("meaning"), "zh".equals(lang) ? "批准放行" : "approved for release");
                b.type(By.id("reason"), "zh".equals(lang) ? "开路电压在限值内" : "OCV within limits");
                check(b, lang, "lot-approval", english);
                b.click(By.id("review"));
                b.waitFor(By.id("manifest"));
                check(b, lang, "signature-manifest", english);
                b.click(By.id("sign"));
                b.waitFor(By.id("password"));
                b.screenshot(lang + "-signature-password");
                b.open("/ui/lots/" + waiting);
                b.waitFor(By.id("steps"));
                check(b, lang, "lot-progress", english);
                b.open("/ui/qualifications?includeExpired=true");
                b.waitFor(By.id("qualifications"));
                check(b, lang, "qualifications", english);
            }
        }
        assertEquals(List.of(), english, "English words on the Chinese screens");
    }

    /** A screenshot of the screen; on a Chinese one, every English word seen is noted with the screen's name. */
    private static void check(Browser b, String lang, String screen, List<String> english) {
        b.screenshot(lang + "-" + screen);
        if ("zh".equals(lang)) {
            ShopFloorUiIT.englishOnScreen(b).forEach(w -> english.add(screen + ": " + w));
        }
    }
}
