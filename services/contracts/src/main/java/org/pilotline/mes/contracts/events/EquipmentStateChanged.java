package org.pilotline.mes.contracts.events;

import java.time.Instant;

/** equipment: PackML state or mode changed. */
public record EquipmentStateChanged(String equipment, String state, String mode, String previousState, Instant ts) {
}
