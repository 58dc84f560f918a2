package org.pilotline.mes.localplant;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs a user in to Keycloak the way a browser does (authorization code with PKCE, {@code prompt=login}) and
 * returns the access token.
 * <p>
 * Why not the password grant: Keycloak sets {@code auth_time} only when a user really logs in, never for the
 * password grant, and an electronic signature needs a token that shows a fresh authentication.
 */
public final class OidcLogin {

    public static final String CLI_CLIENT = "mes-cli";
    public static final String CLI_REDIRECT = "http://127.0.0.1/mes-cli/callback";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private OidcLogin() {
    }

    public static String accessToken(String issuer, String user, String password) {
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            Map<String, String> cookies = new java.util.LinkedHashMap<>();
            String verifier = randomUrlSafe(32);
            String challenge = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String auth = issuer + "/protocol/openid-connect/auth?" + form(Map.of("client_id", CLI_CLIENT,
                    "response_type", "code", "scope", "openid", "redirect_uri", CLI_REDIRECT, "prompt", "login",
                    "state", randomUrlSafe(8), "code_challenge", challenge, "code_challenge_method", "S256"));
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(auth)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            keep(form, cookies);
            String page = form.body();
            Matcher action = FORM_ACTION.matcher(page);
            if (!action.find()) {
                throw new IllegalStateException("Keycloak did not show its login form for " + issuer);
            }
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")))
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String location = login.headers().firstValue("Location").orElse("");
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
            if (!location.startsWith(CLI_REDIRECT) || !code.find()) {
                throw new IllegalStateException("login of " + user + " failed (HTTP " + login.statusCode() + ")");
            }
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                            "client_id", CLI_CLIENT, "code", code.group(1), "redirect_uri", CLI_REDIRECT,
                            "code_verifier", verifier))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher accessToken = ACCESS_TOKEN.matcher(token.body());
            if (token.statusCode() != 200 || !accessToken.find()) {
                throw new IllegalStateException("code exchange failed: HTTP " + token.statusCode() + " " + token.body());
            }
            return accessToken.group(1);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not log " + user + " in at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keycloak marks its login cookies Secure, which java.net's cookie store never sends over plain HTTP; a local
     * plant runs Keycloak on plain HTTP on loopback, so the cookies are carried by hand.
     */
    private static void keep(HttpResponse<?> response, Map<String, String> cookies) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
