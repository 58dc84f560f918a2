package org.pilotline.mes.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.pilotline.mes.localplant.FreePorts;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP service behind the gateway that answers with what it received, so a test sees exactly what the
 * gateway forwarded. "quality" and "equipment" are routed to ports where nothing listens.
 */
public class EchoServiceResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        int port = FreePorts.find();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String echo = String.format("{\"method\":\"%s\",\"path\":\"%s\",\"query\":\"%s\",\"authorization\":\"%s\","
                    + "\"user\":\"%s\",\"requestId\":\"%s\",\"body\":\"%s\"}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-MES-User"),
                    exchange.getRequestHeaders().getFirst("X-Request-Id"), body.replace("\"", "'"));
            byte[] out = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Location", "/api/work-orders/products/X");
            // what a careless service might say: the gateway must not let a browser or proxy keep the answer
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=3600");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        return Map.of("mes.gateway.routes.work-orders", "http://127.0.0.1:" + port,
                "mes.gateway.routes.quality", "http://127.0.0.1:" + FreePorts.find(),
                "mes.gateway.routes.equipment", "http://127.0.0.1:" + FreePorts.find());
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
