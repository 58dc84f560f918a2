package org.pilotline.mes.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link Mes} over HTTP with the JDK's client, through the gateway, with the line's token (renewed on a 401). */
final class MesHttp implements Mes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final TokenSource tokens;
    private final HttpClient http;
    private volatile String user;

    MesHttp(String gateway, TokenSource tokens, HttpClient http) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.http = http;
    }

    @Override
    public Answer get(String path) {
        return send("GET", path, null);
    }

    @Override
    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    @Override
    public String user() {
        if (user == null) {
            try {
                user = TokenSource.claim(tokens.get(), "preferred_username");
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return user;
    }

    private Answer send(String method, String path, Object body) {
        try {
            String json = body == null ? null : JSON.writeValueAsString(body);
            for (int attempt = 0;; attempt++) {
                String token = tokens.get();
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json");
                if (json != null) {
                    b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
                } else {
                    b.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 401 && attempt == 0) {
                    tokens.refused();
                    continue;
                }
                return new Answer(r.statusCode(), parse(r.body()), null);
            }
        } catch (IOException e) {
            return new Answer(0, null, method + " " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
