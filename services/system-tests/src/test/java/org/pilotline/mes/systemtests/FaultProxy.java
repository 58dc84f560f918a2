package org.pilotline.mes.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands between the browser and the gateway like the plant's Wi-Fi: passes everything on, and when told, lets
 * requests through to the gateway and then drops their answers, as a network blip does after a submit arrived.
 */
final class FaultProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
            "content-length", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final URI target;
    // HTTP/1.1 as the browser speaks it here (an HTTP/2 stream may not carry the Host header the gateway needs)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicReference<String> dropAnswerTo = new AtomicReference<>();
    private final AtomicInteger dropped = new AtomicInteger();

    FaultProxy(String target) throws IOException {
        this.target = URI.create(target);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * From now on, requests whose path contains {@code pathPart} reach the gateway but their answers never come back
     * (also Chromium's own silent retry of a POST whose connection closed), until {@link #restore()}.
     */
    void dropAnswersTo(String pathPart) {
        dropAnswerTo.set(pathPart);
    }

    void restore() {
        dropAnswerTo.set(null);
    }

    int dropped() {
        return dropped.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String drop = dropAnswerTo.get();
            if (drop != null && exchange.getRequestURI().getPath().contains(drop)) {
                dropped.incrementAndGet();
                // the gateway did the work; the server closes the connection with no answer at all
                throw new IOException("answer dropped on purpose");
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
