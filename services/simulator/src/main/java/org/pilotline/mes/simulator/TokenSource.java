package org.pilotline.mes.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The line's access token: a confidential client's client-credentials grant at {@code {issuer}/protocol/
 * openid-connect/token}, fetched again before it expires (when less than a quarter of its life, at most a minute,
 * is left) or when the MES refused it.
 */
final class TokenSource {

    /** A token and when it expires. */
    record Token(String value, Instant issuedAt, Instant expiresAt) {
    }

    /** Gets a new token from the identity provider. */
    interface Grant {
        Token fetch() throws IOException, InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Grant grant;
    private final Clock clock;
    private Token current;

    TokenSource(Grant grant, Clock clock) {
        this.grant = grant;
        this.clock = clock;
    }

    static TokenSource clientCredentials(HttpClient http, String issuer, String client, String secret, Clock clock) {
        URI endpoint = URI.create(issuer + "/protocol/openid-connect/token");
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return new TokenSource(() -> {
            Instant asked = clock.instant();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("token endpoint " + endpoint + " answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode body = JSON.readTree(r.body());
            return new Token(body.path("access_token").asText(), asked,
                    asked.plusSeconds(body.path("expires_in").asLong(60)));
        }, clock);
    }

    /** A token valid for a while yet. */
    synchronized String get() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(renewAt(current))) {
            current = grant.fetch();
        }
        return current.value();
    }

    /** The MES refused the token (401): the next call fetches a new one. */
    synchronized void refused() {
        current = null;
    }

    private static Instant renewAt(Token t) {
        Duration life = Duration.between(t.issuedAt(), t.expiresAt());
        Duration margin = life.dividedBy(4).compareTo(Duration.ofMinutes(1)) < 0 ? life.dividedBy(4)
                : Duration.ofMinutes(1);
        return t.expiresAt().minus(margin);
    }

    /** A claim of a JWT's payload, read without checking the signature (the MES checks it). */
    static String claim(String jwt, String name) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return payload.path(name).asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
