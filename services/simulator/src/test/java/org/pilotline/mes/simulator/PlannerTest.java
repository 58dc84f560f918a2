package org.pilotline.mes.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The planner keeps lots of the seeded products in work, and counts only lots that can go on. */
class PlannerTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private final FakeMes mes = new FakeMes();
    private final List<String> log = new ArrayList<>();
    private final SimulatorOptions options = SimulatorOptions.parse("--gateway", "http://mes.test", "--client-secret",
            "s", "--open-lots", "2", "--lot-cells", "10-50", "--products", "SSB-10AH,SSB-60AH", "--poll", "PT1S");
    private final Shop shop = new Shop(options, mes, (m, c, f) -> { }, new LineState(), log::add);
    private final List<Map<String, Object>> released = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> lots = new java.util.HashMap<>();
    private int created;

    PlannerTest() {
        mes.answer("GET", "/api/work-orders/work-orders?state=RELEASED&size=200&page=0",
                b -> FakeMes.ok(Map.of("items", released, "total", released.size())));
        mes.ok("GET", "/api/work-orders/work-orders?state=RUNNING&size=200&page=0", Map.of("items", List.of()));
        mes.answer("POST", "/api/work-orders/work-orders", b -> {
            String number = "WO-2026-000" + (10 + ++created);
            mes.ok("POST", "/api/work-orders/work-orders/" + number + "/release", Map.of("state", "RELEASED"));
            return FakeMes.ok(Map.of("number", number));
        });
    }

    private void order(String number, String product, String... lotStates) {
        released.add(Map.of("number", number, "product", product));
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < lotStates.length; i++) {
            list.add(Map.of("lot", number + "-0" + (i + 1), "state", lotStates[i]));
        }
        lots.put(number, list);
        mes.answer("GET", "/api/work-orders/work-orders/" + number + "/lots", b -> FakeMes.ok(lots.get(number)));
    }

    @Test
    void fewerLotsInWorkThanWantedMakesAWorkOrderOfASmallLotAndReleasesIt() {
        order("WO-2026-00001", "SSB-10AH", "IN_PROCESS");
        Planner planner = new Planner(shop, new Random(1), options.poll().multipliedBy(5));
        planner.step(T0);
        List<FakeMes.Call> orders = mes.posts("/api/work-orders/work-orders");
        assertEquals(1, orders.size(), "one order per step, so lots enter the line one after the other");
        JsonNode wo = orders.get(0).body();
        assertTrue(options.products().contains(wo.path("product").asText()), wo.toString());
        int lotSize = wo.path("lotSize").asInt();
        assertTrue(lotSize >= 10 && lotSize <= 50, wo.toString());
        assertTrue(wo.path("plannedQuantity").asInt() == lotSize || wo.path("plannedQuantity").asInt() == 2 * lotSize);
        int priority = wo.path("priority").asInt();
        assertTrue(priority >= 1 && priority <= 10);
        assertTrue(LocalDate.parse(wo.path("dueDate").asText()).isAfter(LocalDate.parse("2026-12-09")));
        assertEquals(1, mes.posts("/api/work-orders/work-orders/WO-2026-00011/release").size());
        assertTrue(log.get(0).startsWith("planner: released WO-2026-00011"), log.toString());

        planner.step(T0.plusSeconds(1));
        assertEquals(1, mes.posts("/api/work-orders/work-orders").size(), "it plans every few polls, not every step");
    }

    @Test
    void enoughLotsInWorkMakeNothingButLotsKeptBackByQualityDoNotCount() {
        order("WO-2026-00001", "SSB-10AH", "IN_PROCESS", "CREATED");
        order("WO-2026-00002", "SSB-1AH", "CREATED", "CREATED"); // not a product of this line
        Planner planner = new Planner(shop, new Random(1), options.poll().multipliedBy(5));
        planner.step(T0);
        assertTrue(mes.posts("/api/work-orders/work-orders").isEmpty());

        shop.blocked.put("WO-2026-00001-01", "hold 3 on lot: dry room dew point");
        planner.step(T0.plusSeconds(5));
        assertEquals(1, mes.posts("/api/work-orders/work-orders").size());
    }

    @Test
    void ordersWhoseLotsAreAllReadyAreNotReadAgain() {
        order("WO-2026-00001", "SSB-60AH", "READY", "APPROVED");
        order("WO-2026-00002", "SSB-60AH", "IN_PROCESS", "IN_PROCESS");
        Planner planner = new Planner(shop, new Random(1), options.poll().multipliedBy(5));
        planner.step(T0);
        planner.step(T0.plusSeconds(5));
        assertEquals(1, mes.calls.stream().filter(c -> c.path().endsWith("WO-2026-00001/lots")).count());
        assertEquals(2, mes.calls.stream().filter(c -> c.path().endsWith("WO-2026-00002/lots")).count());
        assertTrue(mes.posts("/api/work-orders/work-orders").isEmpty());
    }

    @Test
    void neverMoreThanThreeTimesTheTargetOpenEvenWhenAllAreHeld() {
        order("WO-2026-00001", "SSB-10AH", "IN_PROCESS", "IN_PROCESS", "IN_PROCESS", "IN_PROCESS", "IN_PROCESS",
                "IN_PROCESS");
        for (int i = 1; i <= 6; i++) {
            shop.blocked.put("WO-2026-00001-0" + i, "held");
        }
        new Planner(shop, new Random(1), options.poll()).step(T0);
        assertTrue(mes.posts("/api/work-orders/work-orders").isEmpty());
    }

    @Test
    void whenWorkOrdersCannotAnswerItTriesAgainLater() {
        mes.answer("GET", "/api/work-orders/work-orders?state=RELEASED&size=200&page=0",
                b -> new Mes.Answer(0, null, "connection refused"));
        Planner planner = new Planner(shop, new Random(1), options.poll());
        planner.step(T0);
        assertTrue(mes.posts("/api/work-orders/work-orders").isEmpty());
        assertTrue(log.get(0).contains("cannot read the work orders"), log.toString());
    }
}
