package org.pilotline.mes.genealogy.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.pilotline.mes.genealogy.client.EquipmentClient.Conditions;
import org.pilotline.mes.genealogy.client.EquipmentClient.Machine;

/**
 * Asks equipment for what a cell's record needs, with a timeout and a circuit breaker: when equipment is slow or
 * down the call fails fast and the record says the environment could not be read, rather than hang.
 */
@ApplicationScoped
public class EquipmentRecords {

    private final EquipmentClient equipment;

    EquipmentRecords(@RestClient EquipmentClient equipment) {
        this.equipment = equipment;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Conditions conditions(String machine, Instant at, String bearerToken) {
        return equipment.conditions(machine, at.toString(), "Bearer " + bearerToken);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Machine machine(String id, String bearerToken) {
        return equipment.machine(id, "Bearer " + bearerToken);
    }
}
