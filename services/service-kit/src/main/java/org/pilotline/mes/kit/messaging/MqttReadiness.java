package org.pilotline.mes.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the broker is unreachable: events would pile up unpublished and nothing would be consumed. */
@Readiness
@ApplicationScoped
public class MqttReadiness implements HealthCheck {

    private final MqttConnection mqtt;

    MqttReadiness(MqttConnection mqtt) {
        this.mqtt = mqtt;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt").status(mqtt.isConnected()).build();
    }
}
