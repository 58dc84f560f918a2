package org.pilotline.mes.genealogy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.pilotline.mes.localplant.FreePorts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The equipment service's boundary for genealogy's own tests: a real HTTP server answering as equipment does for
 * the as-built record (where a machine stands; the dry room around it, with a dew point that depends on the hour so
 * a test can tell which time was asked). DOWN makes it answer 503. The real service answers in the system tests.
 */
public class FakeEquipment implements QuarkusTestResourceLifecycleManager {

    static final AtomicBoolean DOWN = new AtomicBoolean();
    static final AtomicInteger CONDITIONS_ASKED = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        int port = FreePorts.find();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/equipment/environment/conditions", exchange -> {
            CONDITIONS_ASKED.incrementAndGet();
            String query = exchange.getRequestURI().getQuery();
            String machine = query.replaceAll(".*equipment=([^&]*).*", "$1");
            String at = query.replaceAll(".*at=([^&]*).*", "$1");
            int hour = Integer.parseInt(at.substring(11, 13));
            // the stacker stands in the dry room; the slitter in an unmonitored area
            String enclosures = machine.startsWith("STACK") ? """
                    [{"equipment":"DRYROOM-01","equipmentClass":"DRY_ROOM","readings":[{"tag":"dewPointC","value":-%d,
                      "unit":"C","at":"%s","lower":null,"upper":-40,"withinLimits":%s}],"excursions":[]}]"""
                    .formatted(hour, at, hour > 40) : "[]";
            answer(exchange, """
                    {"equipment":"%s","at":"%s","enclosures":%s}""".formatted(machine, at, enclosures));
        });
        server.createContext("/api/equipment/equipment/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/api/equipment/equipment/".length());
            answer(exchange, """
                    {"id":"%s","name":"Stacker","equipmentClass":"STACKER","site":"pilot","area":"assembly","line":"L1"}"""
                    .formatted(id));
        });
        server.start();
        return Map.of("quarkus.rest-client.equipment.url", "http://127.0.0.1:" + port);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        if (DOWN.get()) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
