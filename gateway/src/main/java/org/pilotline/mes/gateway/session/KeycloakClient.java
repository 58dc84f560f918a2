package org.pilotline.mes.gateway.session;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.pilotline.mes.gateway.config.UiConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The UI's side of the authorization code flow with Keycloak: the login address, the code exchange, token refresh,
 * logout and the user's language in the account. The gateway is a confidential client and uses PKCE too; every
 * call here goes from the gateway to Keycloak directly, never through the browser.
 */
@ApplicationScoped
public class KeycloakClient {

    private static final Logger LOG = Logger.getLogger(KeycloakClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final UiConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Endpoints endpoints;

    KeycloakClient(UiConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Keycloak refused or could not be reached; the message says which, for the log and the person. */
    public static final class KeycloakException extends RuntimeException {
        private final boolean grantRefused;

        KeycloakException(String message) {
            this(message, false);
        }

        KeycloakException(String message, boolean grantRefused) {
            super(message);
            this.grantRefused = grantRefused;
        }

        /** Keycloak answered that the code or refresh token is no good (its session ended): not a passing fault. */
        public boolean grantRefused() {
            return grantRefused;
        }
    }

    /** The endpoints of the realm, from its discovery document. */
    record Endpoints(String authorization, String token, String endSession, String account) {
    }

    /**
     * The address to send the browser to. {@code prompt=login} always: on a shared tablet a Keycloak session left
     * by the previous person must never log the next one in without a password.
     *
     * @param maxAge 0 for a signature (Keycloak must see a password entered now), null for a login
     * @param loginHint the user name to fill in, for a signature
     */
    String authorizationUrl(PendingLogin login, String redirectUri, String language, Integer maxAge,
            String loginHint) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", config.clientId());
        q.put("response_type", "code");
        q.put("scope", "openid profile");
        q.put("redirect_uri", redirectUri);
        q.put("state", login.state());
        q.put("nonce", login.nonce());
        q.put("code_challenge", login.codeChallenge());
        q.put("code_challenge_method", "S256");
        q.put("prompt", "login");
        if (language != null) {
            q.put("ui_locales", language);
        }
        if (maxAge != null) {
            q.put("max_age", maxAge.toString());
        }
        if (loginHint != null) {
            q.put("login_hint", loginHint);
        }
        String authorization = endpoints().authorization();
        if (config.browserIssuer().isPresent()) {
            authorization = authorization.replace(config.issuer(), config.browserIssuer().get());
        }
        return authorization + "?" + form(q);
    }

    Tokens exchange(String code, String codeVerifier, String redirectUri) {
        return tokens(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", codeVerifier));
    }

    Tokens refresh(String refreshToken) {
        return tokens(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** Ends the Keycloak session behind the tokens, so nothing on this tablet can use it again. */
    void logout(Tokens tokens) {
        if (tokens == null || tokens.refresh() == null) {
            return;
        }
        try {
            HttpResponse<String> r = post(endpoints().endSession(), Map.of("refresh_token", tokens.refresh()));
            if (r.statusCode() / 100 != 2) {
                LOG.warnf("Keycloak logout answered %d: %s", r.statusCode(), r.body());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak logout failed: %s", e.getMessage()); // the gateway's session is gone anyway
        }
    }

    /** Keeps the user's language in Keycloak's account, where the login page reads it too. */
    void saveLanguage(String accessToken, String language) {
        try {
            String account = endpoints().account();
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(account)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (me.statusCode() != 200) {
                throw new KeycloakException("account answered " + me.statusCode());
            }
            com.fasterxml.jackson.databind.node.ObjectNode user = (com.fasterxml.jackson.databind.node.ObjectNode) json
                    .readTree(me.body());
            user.remove("userProfileMetadata");
            user.withObject("/attributes").putArray("locale").add(language);
            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(account)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(user))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (saved.statusCode() / 100 != 2) {
                throw new KeycloakException("account refused the language: " + saved.statusCode() + " " + saved.body());
            }
        } catch (IOException e) {
            throw new KeycloakException("account not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("interrupted");
        }
    }

    private Tokens tokens(Map<String, String> grant) {
        HttpResponse<String> r = post(endpoints().token(), grant);
        try {
            JsonNode body = json.readTree(r.body());
            if (r.statusCode() != 200) {
                String error = body.path("error").asText();
                throw new KeycloakException("token endpoint answered " + r.statusCode() + ": " + error + " "
                        + body.path("error_description").asText(), "invalid_grant".equals(error));
            }
            Instant now = Instant.now();
            long refreshIn = body.path("refresh_expires_in").asLong(0);
            return new Tokens(body.path("access_token").asText(), body.path("refresh_token").asText(null),
                    body.path("id_token").asText(null), now.plusSeconds(body.path("expires_in").asLong(60)),
                    refreshIn > 0 ? now.plusSeconds(refreshIn) : null);
        } catch (IOException e) {
            throw new KeycloakException("token endpoint answered " + r.statusCode() + " with no JSON");
        }
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("client_id", config.clientId());
        all.put("client_secret", config.clientSecret());
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakException("Keycloak not reachable at " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("interrupted");
        }
    }

    /** Read once, when first needed: Keycloak may start after the gateway. */
    private Endpoints endpoints() {
        Endpoints e = endpoints;
        if (e != null) {
            return e;
        }
        String issuer = config.issuer();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create(issuer + "/.well-known/openid-configuration")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new KeycloakException("discovery of " + issuer + " answered " + r.statusCode());
            }
            JsonNode d = json.readTree(r.body());
            e = new Endpoints(d.path("authorization_endpoint").asText(), d.path("token_endpoint").asText(),
                    d.path("end_session_endpoint").asText(), issuer + "/account");
            endpoints = e;
            return e;
        } catch (IOException ex) {
            throw new KeycloakException("Keycloak not reachable at " + issuer + ": " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("interrupted");
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
