package org.pilotline.mes.workorders.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.pilotline.mes.contracts.rest.EquipmentAvailability;

/**
 * Asks equipment whether a station may take work now, with a timeout and a circuit breaker: when equipment is slow
 * or down the call fails fast, and the start that asked fails closed. A 404 (unknown station) is an answer, not a
 * failure, and does not open the breaker.
 */
@ApplicationScoped
public class EquipmentAvailabilities {

    private final EquipmentClient equipment;

    EquipmentAvailabilities(@RestClient EquipmentClient equipment) {
        this.equipment = equipment;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = EquipmentClient.UnknownEquipment.class)
    public EquipmentAvailability of(String station, String bearerToken) {
        return equipment.availability(station, "Bearer " + bearerToken);
    }
}
