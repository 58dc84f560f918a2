package org.pilotline.mes.gateway.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mes.gateway")
public interface GatewayConfig {

    /** Service name (as in /api/{service}) -> base URL of that service. */
    Map<String, String> routes();

    /** How long a service may take to answer. */
    @WithDefault("30s")
    Duration timeout();

    /** How long a screen waits for a service before it says the service cannot answer. */
    @WithDefault("8s")
    Duration uiTimeout();
}
