package org.pilotline.mes.workorders.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.rest.EquipmentAvailability;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.workorders.client.EquipmentAvailabilities;
import org.pilotline.mes.workorders.client.EquipmentClient.UnknownEquipment;

/** What equipment says of a station: its class and whether it may take work; no answer is a 503, failing closed. */
@ApplicationScoped
public class Stations {

    private final EquipmentAvailabilities equipment;

    Stations(EquipmentAvailabilities equipment) {
        this.equipment = equipment;
    }

    /** Empty when equipment knows no such station (the caller words the refusal). */
    public Optional<EquipmentAvailability> availability(String station, String token) {
        try {
            return Optional.of(equipment.of(station, token));
        } catch (UnknownEquipment e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new ProblemException(503, "equipment-unavailable", "Equipment did not answer",
                    "Equipment could not say whether " + station + " may take work (" + e.getClass().getSimpleName()
                            + "); nothing starts without its answer");
        }
    }
}
