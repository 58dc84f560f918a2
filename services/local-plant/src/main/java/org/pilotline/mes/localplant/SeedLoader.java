package org.pilotline.mes.localplant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads seed data through the public API, as the user each request names: a seed file is
 * {@code {"requests":[{"as":"admin1","post":"/api/...","body":{...},"skipIf":{"get":"/api/..."}}]}}, or "put"
 * instead of "post" for an idempotent PUT. A request whose data is already there (409, or its skipIf answers 200)
 * is skipped, so loading twice changes nothing.
 */
public final class SeedLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Function<String, String> tokenOf;
    private final Map<String, String> tokens = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param tokenOf user name -> bearer token */
    public SeedLoader(String baseUrl, Function<String, String> tokenOf) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
        this.tokenOf = tokenOf;
    }

    public Result load(Path file) {
        JsonNode seed;
        try {
            seed = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("seed file " + file + " is not JSON: " + e.getMessage(), e);
        }
        int created = 0;
        int skipped = 0;
        for (JsonNode req : seed.path("requests")) {
            String token = tokens.computeIfAbsent(req.path("as").asText(), tokenOf);
            if (req.has("skipIf") && send("GET", req.path("skipIf").path("get").asText(), null, token) == 200) {
                skipped++;
                continue;
            }
            String method = req.has("put") ? "PUT" : "POST";
            String path = req.path(method.toLowerCase()).asText();
            int status = send(method, path, req.has("body") ? req.get("body").toString() : null, token);
            if (status == 409) {
                skipped++;
            } else if (status >= 200 && status < 300) {
                created++;
            } else {
                throw new IllegalStateException("seed " + file.getFileName() + ": " + method + " " + path + " answered "
                        + status);
            }
        }
        return new Result(created, skipped);
    }

    private int send(String method, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many requests changed something, and how many found their data already there. */
    public record Result(int created, int skipped) {
    }
}
