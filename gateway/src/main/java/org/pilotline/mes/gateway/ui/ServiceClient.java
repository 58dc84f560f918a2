package org.pilotline.mes.gateway.ui;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.pilotline.mes.gateway.config.GatewayConfig;
import org.pilotline.mes.gateway.session.SessionStore;
import org.pilotline.mes.gateway.session.UiSession;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The UI's calls to the services, as the logged-in person: the session's access token goes with every call, so
 * each service checks roles itself exactly as for any API caller. A refusal comes back as a {@link ServiceProblem}.
 */
@ApplicationScoped
public class ServiceClient {

    private static final Logger LOG = Logger.getLogger(ServiceClient.class);

    private final GatewayConfig config;
    private final SessionStore sessions;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ServiceClient(GatewayConfig config, SessionStore sessions, ObjectMapper json) {
        this.config = config;
        this.sessions = sessions;
        // the UI reads what it shows; a service adding a field must not break a page
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** One path segment, escaped (ids come from scans and forms). */
    public static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public <T> T get(UiSession session, String service, String path, Class<T> type) {
        return await(getAsync(session, service, path, json.getTypeFactory().constructType(type)));
    }

    public <T> T get(UiSession session, String service, String path, TypeReference<T> type) {
        return await(getAsync(session, service, path, json.getTypeFactory().constructType(type)));
    }

    /** For a page that needs several answers: ask them all at once. */
    public <T> CompletableFuture<T> getAsync(UiSession session, String service, String path, Class<T> type) {
        return getAsync(session, service, path, json.getTypeFactory().constructType(type));
    }

    public <T> CompletableFuture<T> getAsync(UiSession session, String service, String path,
            TypeReference<T> type) {
        return getAsync(session, service, path, json.getTypeFactory().constructType(type));
    }

    private <T> CompletableFuture<T> getAsync(UiSession session, String service, String path, JavaType type) {
        HttpRequest request = request(session, service, path).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> read(service, response, failure, type));
    }

    /** A download as the service writes it (a CSV, say), for the person to save: the body as text. */
    public String getText(UiSession session, String service, String path, String mediaType) {
        HttpRequest request = request(session, service, path).setHeader("Accept", mediaType).GET().build();
        return await(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                return new String(response.body(), StandardCharsets.UTF_8);
            }
            return read(service, response, failure, json.getTypeFactory().constructType(String.class));
        }));
    }

    /**
     * A change. {@code idempotencyKey}: the form's own key, the same for every retry of one submission, so a
     * submission sent again after a lost answer is applied once (the services keep the answer under the key).
     */
    public JsonNode send(UiSession session, String method, String service, String path, Object body,
            String idempotencyKey) {
        HttpRequest.Builder b = request(session, service, path);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            byte[] bytes = body == null ? new byte[0]
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("body not writable as JSON", e);
        }
        return await(http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> read(service, response, failure,
                        json.getTypeFactory().constructType(JsonNode.class))));
    }

    /**
     * A file sent as it is, with its own content type (a cycler's CSV export): the service reads it, the gateway
     * only checks that it is a text file of sane size first.
     */
    public JsonNode sendFile(UiSession session, String service, String path, byte[] body, String contentType,
            String idempotencyKey) {
        HttpRequest.Builder b = request(session, service, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return await(http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> read(service, response, failure,
                        json.getTypeFactory().constructType(JsonNode.class))));
    }

    /** A body as the services read it. */
    public String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body not writable as JSON", e);
        }
    }

    public <T> T convert(JsonNode node, Class<T> type) {
        return json.convertValue(node, type);
    }

    private HttpRequest.Builder request(UiSession session, String service, String path) {
        String base = config.routes().get(service);
        if (base == null) {
            throw new IllegalArgumentException("no route to service " + service);
        }
        String prefix = "/api/" + service;
        return HttpRequest.newBuilder(URI.create(base + prefix + path)).timeout(config.uiTimeout())
                .header("Authorization", "Bearer " + sessions.accessToken(session))
                .header("Accept", "application/json")
                .header("X-MES-User", String.valueOf(session.person().username()));
    }

    private <T> T read(String service, HttpResponse<byte[]> response, Throwable failure, JavaType type) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            LOG.warnf("%s not reachable: %s", service, cause.toString());
            throw cause instanceof HttpTimeoutException
                    ? new ServiceProblem(504, "service-timeout", service, List.of(), List.of())
                    : ServiceProblem.unreachable(service);
        }
        int status = response.statusCode();
        try {
            if (status / 100 == 2) {
                byte[] body = response.body();
                return body.length == 0 ? null : json.readValue(body, type);
            }
            throw problem(service, status, response.body());
        } catch (IOException e) {
            LOG.warnf("%s answered %d with a body the UI cannot read: %s", service, status, e.getMessage());
            throw new ServiceProblem(503, "service-unavailable", service, List.of(), List.of());
        }
    }

    private ServiceProblem problem(String service, int status, byte[] body) {
        if (status == 401) {
            // the service no longer accepts the session's token: the person must log in again
            throw new SessionStore.SessionEndedException();
        }
        try {
            JsonNode p = json.readTree(body);
            String type = p.path("type").asText("");
            String slug = type.startsWith("urn:mes:problem:") ? type.substring("urn:mes:problem:".length())
                    : "http-" + status;
            List<String> reasons = new ArrayList<>();
            p.path("reasons").forEach(r -> reasons.add(r.asText()));
            List<ServiceProblem.FieldError> fields = new ArrayList<>();
            p.path("errors").forEach(e -> fields.add(new ServiceProblem.FieldError(e.path("field").asText(),
                    e.path("message").asText())));
            return new ServiceProblem(status, slug, p.path("detail").asText(""), reasons, fields);
        } catch (IOException e) {
            return new ServiceProblem(status, status >= 500 ? "service-unavailable" : "http-" + status, service,
                    List.of(), List.of());
        }
    }

    /** The answer of a call made with {@code getAsync}; a refusal comes out as the ServiceProblem it is. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
