package org.pilotline.mes.contracts.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * equipment's answer to "may work start on this equipment now?" (GET /api/equipment/equipment/{id}/availability):
 * available only when its state, mode, alarms and calibration and maintenance dates allow it; otherwise every
 * reason (codes: equipment-state, maintenance-mode, critical-alarm, calibration-overdue, maintenance-overdue).
 */
public record EquipmentAvailability(String equipment, String equipmentClass, boolean available, String state,
        String mode, Instant stateSince, LocalDate nextDue, List<Reason> reasons) {
}
