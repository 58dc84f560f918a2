package org.pilotline.mes.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The tablet UI: its Keycloak client, sessions and languages. */
@ConfigMapping(prefix = "mes.ui")
public interface UiConfig {

    /** Issuer of the mes realm as the gateway reaches it (discovery, code exchange, refresh, logout). */
    String issuer();

    /**
     * Issuer as the tablets' browsers reach it, when that differs from {@link #issuer()} (Keycloak behind its own
     * host name); the login redirect goes there.
     */
    Optional<String> browserIssuer();

    /** The realm's client of the UI: confidential, authorization code with PKCE. */
    @WithDefault("mes-ui")
    String clientId();

    String clientSecret();

    /**
     * The gateway's address as browsers see it (scheme, host, port), for the login callback; by default taken from
     * the request (Host and X-Forwarded-* headers).
     */
    Optional<String> publicUrl();

    /** A shared tablet logs its user out after this long without a touch. */
    @WithDefault("15m")
    Duration idleTimeout();

    /** A session ends after this long whatever happens (a shift and a half). */
    @WithDefault("12h")
    Duration maxSessionAge();

    /** How recent the password entered for an electronic signature must be when the signature is applied. */
    @WithDefault("2m")
    Duration signatureLoginMaxAge();

    /** How long a login may take between leaving for Keycloak and coming back. */
    @WithDefault("10m")
    Duration loginTimeout();

    /** Session cookies only over HTTPS; off for a plant on plain HTTP on loopback. */
    @WithDefault("false")
    boolean secureCookies();

    /** The UI's languages (BCP 47), the first the default. */
    @WithDefault("en,zh-CN")
    List<String> languages();

    /**
     * How often an open screen asks for fresh data on its own; changes are pushed to it as they happen (server-sent
     * events from the MES's domain events), so this is the fallback when the broker or the push is down.
     */
    @WithDefault("30s")
    Duration refreshEvery();

    /** The MQTT broker whose domain events tell open screens what changed. */
    @WithDefault("tcp://127.0.0.1:1884")
    String mqttUrl();

    /** The gateway's broker account: it may read the domain events and nothing else. Empty: anonymous. */
    Optional<String> mqttUsername();

    Optional<String> mqttPassword();
}
