package org.pilotline.mes.workorders;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pilotline.mes.localplant.FreePorts;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The quality service's boundary for work-orders' own tests: a real HTTP server that answers lot dispositions as
 * a test sets them (OK, not OK with reasons, or silent to simulate quality being down). The real quality service
 * answers in the end-to-end tests.
 */
public class FakeQualityResource implements QuarkusTestResourceLifecycleManager {

    /** lot -> JSON answer; absent lots get "not OK"; "DOWN" makes quality answer 500. */
    static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    static final Map<String, String> AUTHORIZATION_SEEN = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        int port = FreePorts.find();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/quality/lots/", exchange -> {
            String lot = exchange.getRequestURI().getPath().split("/")[4];
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            AUTHORIZATION_SEEN.put(lot, auth == null ? "" : auth);
            String answer = ANSWERS.getOrDefault(lot,
                    "{\"lot\":\"" + lot + "\",\"ok\":false,\"reasons\":[\"no quality data\"]}");
            int status = answer.equals("DOWN") ? 500 : 200;
            byte[] body = (status == 200 ? answer : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.quality.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
