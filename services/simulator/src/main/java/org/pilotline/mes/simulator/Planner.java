package org.pilotline.mes.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo plant's planner, a supervisor's part: keeps {@code --open-lots} lots of the products in work. A lot is in
 * work while it is created or in process and quality does not keep it from going on (a failed gate, a hold: those
 * wait for quality's people); whenever fewer are, it creates and releases one work order of a product at random:
 * one lot (now and then two) of {@code --lot-cells} cells, a priority from 1 to 10 and a due date one to three weeks
 * out. One order per step, so lots enter the line one after the other. It never creates more than three times the
 * target of open lots, so lots nobody releases from a hold do not pile up without end.
 */
final class Planner {

    private static final int[] PRIORITIES = { 1, 2, 3, 5, 5, 5, 7, 10 };

    private final Shop shop;
    private final Random random;
    private final Duration every;
    /** work orders whose lots are all ready or decided: not read again */
    private final Set<String> finished = new HashSet<>();
    /** created, not yet released (the release failed): released at the next step */
    private final Set<String> unreleased = new LinkedHashSet<>();
    private Instant nextAt = Instant.MIN;
    private String lastSaid;

    Planner(Shop shop, Random random, Duration every) {
        this.shop = shop;
        this.random = random;
        this.every = every;
    }

    void step(Instant now) {
        if (now.isBefore(nextAt)) {
            return;
        }
        nextAt = now.plus(every);
        unreleased.removeIf(this::release);
        List<String> open = openLots();
        if (open == null) {
            return;
        }
        shop.blocked.keySet().retainAll(open);
        long inWork = open.stream().filter(lot -> !shop.blocked.containsKey(lot)).count();
        int target = shop.options.openLots();
        if (inWork < target && open.size() < 3L * target) {
            plan(now);
        }
    }

    /** The lots of the products that are created or in process; null when work-orders cannot say. */
    List<String> openLots() {
        List<String> open = new ArrayList<>();
        for (String state : List.of("RELEASED", "RUNNING")) {
            for (int page = 0;; page++) {
                Mes.Answer a = shop.mes.get("/api/work-orders/work-orders?state=" + state + "&size=200&page=" + page);
                if (!a.ok() || a.body() == null) {
                    say("cannot read the work orders (" + a.describe() + "); trying again");
                    return null;
                }
                JsonNode items = a.body().path("items");
                for (JsonNode wo : items) {
                    String number = wo.path("number").asText();
                    if (!shop.options.products().contains(wo.path("product").asText()) || finished.contains(number)) {
                        continue;
                    }
                    Mes.Answer lots = shop.mes.get("/api/work-orders/work-orders/" + number + "/lots");
                    if (!lots.ok() || lots.body() == null) {
                        return null;
                    }
                    boolean any = false;
                    for (JsonNode lot : lots.body()) {
                        String s = lot.path("state").asText();
                        if (s.equals("CREATED") || s.equals("IN_PROCESS")) {
                            open.add(lot.path("lot").asText());
                            any = true;
                        }
                    }
                    if (!any) {
                        finished.add(number);
                    }
                }
                if (items.size() < 200) {
                    break;
                }
            }
        }
        return open;
    }

    private void plan(Instant now) {
        List<String> products = shop.options.products();
        String product = products.get(random.nextInt(products.size()));
        int cells = shop.options.minCells() + random.nextInt(shop.options.maxCells() - shop.options.minCells() + 1);
        int lots = random.nextInt(4) == 0 ? 2 : 1;
        int priority = PRIORITIES[random.nextInt(PRIORITIES.length)];
        LocalDate due = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(7 + random.nextInt(15));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product", product);
        order.put("plannedQuantity", cells * lots);
        order.put("lotSize", cells);
        order.put("priority", priority);
        order.put("dueDate", due.toString());
        Mes.Answer a = shop.mes.post("/api/work-orders/work-orders", order);
        if (!a.ok() || a.body() == null) {
            say("creating a work order of " + product + " refused (" + a.describe() + "); trying again");
            return;
        }
        String number = a.body().path("number").asText();
        if (release(number)) {
            say("released " + number + ": " + (lots == 2 ? "2 lots" : "1 lot") + " of " + cells
                    + " " + product + " cells, priority " + priority + ", due " + due);
        } else {
            unreleased.add(number);
        }
    }

    private boolean release(String number) {
        Mes.Answer a = shop.mes.post("/api/work-orders/work-orders/" + number + "/release", Map.of());
        if (!a.ok() && !"illegal-transition".equals(a.problem())) {
            say("releasing " + number + " refused (" + a.describe() + "); trying again");
            return false;
        }
        return true;
    }

    /** Logs what is new: the same refusal again and again is said once. */
    private void say(String message) {
        if (!message.equals(lastSaid)) {
            shop.log.accept("planner: " + message);
        }
        lastSaid = message;
    }
}
