package org.pilotline.mes.workorders;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pilotline.mes.localplant.FreePorts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The quality and equipment services' boundary for work-orders' own tests: a real HTTP server that answers as a test
 * sets it. Quality: lot dispositions (absent lots: not OK) and start clearances (absent lots: clear). Equipment:
 * availability of the pilot line's stations (available unless a test says otherwise; unknown ids: 404). "DOWN"
 * makes the answer a 500, "SLOW" makes it late. The real services answer in the end-to-end tests.
 */
public class FakeNeighbours implements QuarkusTestResourceLifecycleManager {

    /** lot -> LotDisposition JSON. */
    static final Map<String, String> DISPOSITIONS = new ConcurrentHashMap<>();
    /** lot -> StartClearance JSON. */
    static final Map<String, String> CLEARANCES = new ConcurrentHashMap<>();
    /** lot -> the query of the last clearance asked for it. */
    static final Map<String, String> CLEARANCE_ASKED = new ConcurrentHashMap<>();
    static final Map<String, String> AUTHORIZATION_SEEN = new ConcurrentHashMap<>();
    /** station -> equipment class, as the seed line registers them. */
    static final Map<String, String> STATIONS = new ConcurrentHashMap<>(Map.ofEntries(
            Map.entry("MIX-01", "MIXER"), Map.entry("COAT-01", "COATER"), Map.entry("CAL-01", "CALENDER"),
            Map.entry("SLIT-01", "SLITTER"), Map.entry("SYN-01", "ELECTROLYTE_SYNTHESIS"),
            Map.entry("SEFILM-01", "ELECTROLYTE_FILM_LINE"), Map.entry("STACK-01", "STACKER"),
            Map.entry("STACK-02", "STACKER"), Map.entry("PRESS-01", "ISOSTATIC_PRESS"),
            Map.entry("SEAL-01", "SEALER"), Map.entry("LEAK-01", "LEAK_TESTER"),
            Map.entry("FORM-01", "FORMATION_CYCLER"), Map.entry("AGE-01", "AGING_CHAMBER"),
            Map.entry("GRADE-01", "GRADING_TESTER"), Map.entry("GLOVEBOX-01", "GLOVEBOX")));
    /** station -> reasons JSON array (not available), or "DOWN" / "SLOW". */
    static final Map<String, String> UNAVAILABLE = new ConcurrentHashMap<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        int port = FreePorts.find();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/api/quality/lots/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String lot = URLDecoder.decode(path[4], StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            AUTHORIZATION_SEEN.put(lot, auth == null ? "" : auth);
            if (path[5].equals("clearance")) {
                CLEARANCE_ASKED.put(lot, String.valueOf(exchange.getRequestURI().getQuery()));
                answer(exchange, CLEARANCES.getOrDefault(lot,
                        "{\"lot\":\"" + lot + "\",\"clear\":true,\"reasons\":[]}"));
            } else {
                answer(exchange, DISPOSITIONS.getOrDefault(lot,
                        "{\"lot\":\"" + lot + "\",\"ok\":false,\"reasons\":[\"no quality data\"]}"));
            }
        });
        server.createContext("/api/equipment/equipment/", exchange -> {
            String station = exchange.getRequestURI().getPath().split("/")[4];
            String type = STATIONS.get(station);
            String unavailable = UNAVAILABLE.get(station);
            if (type == null) {
                reply(exchange, 404, "{}");
            } else if (unavailable == null) {
                answer(exchange, availability(station, type, true, "[]"));
            } else if (unavailable.equals("DOWN") || unavailable.equals("SLOW")) {
                answer(exchange, unavailable);
            } else {
                answer(exchange, availability(station, type, false, unavailable));
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.quality.url", "http://127.0.0.1:" + port,
                "quarkus.rest-client.equipment.url", "http://127.0.0.1:" + port);
    }

    private static String availability(String station, String type, boolean available, String reasons) {
        return "{\"equipment\":\"" + station + "\",\"equipmentClass\":\"" + type + "\",\"available\":" + available
                + ",\"state\":\"IDLE\",\"mode\":\"PRODUCTION\",\"reasons\":" + reasons + "}";
    }

    private static void answer(HttpExchange exchange, String answer) throws IOException {
        if (answer.equals("SLOW")) {
            try {
                Thread.sleep(5000); // past the client's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "{}");
        } else if (answer.equals("DOWN")) {
            reply(exchange, 500, "{}");
        } else {
            reply(exchange, 200, answer);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
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
