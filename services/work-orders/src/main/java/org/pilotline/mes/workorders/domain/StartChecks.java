package org.pilotline.mes.workorders.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.contracts.rest.EquipmentAvailability;
import org.pilotline.mes.contracts.rest.Reason;
import org.pilotline.mes.contracts.rest.StartClearance;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.workorders.client.QualityDispositions;

/**
 * What a person's start (or resume) asks the other services, failing closed: equipment, whether the station is of
 * the class the operation needs and may take work now; quality, whether the gate of the operation before passed and
 * nothing is on hold. No answer refuses the start (503). What a machine reports having done is not asked about.
 */
@ApplicationScoped
public class StartChecks {

    private final Stations stations;
    private final QualityDispositions quality;

    StartChecks(Stations stations, QualityDispositions quality) {
        this.stations = stations;
        this.quality = quality;
    }

    /** @param previous the operation before (null for the first); cell null for the whole lot */
    public void require(String lot, String cell, OperationSpec op, OperationSpec previous, String station,
            String token) {
        if (op.equipmentClass() != null) {
            requireStation(op, station, token);
        }
        StartClearance clearance;
        try {
            clearance = quality.clearance(lot, previous == null ? null : previous.code(), cell, station, token);
        } catch (RuntimeException e) {
            throw new ProblemException(503, "quality-unavailable", "Quality did not answer",
                    "Quality could not say whether " + op.code() + " may start (" + e.getClass().getSimpleName()
                            + "); nothing starts without its answer");
        }
        if (!clearance.clear()) {
            List<Reason> reasons = clearance.reasons();
            String slug = has(reasons, "on-hold") ? "on-hold"
                    : has(reasons, "gate-failed") ? "quality-gate-failed" : "quality-gate-pending";
            throw new ProblemException(409, slug, "Quality does not clear the start",
                    op.code() + " may not start on " + (cell == null ? "lot " + lot : "cell " + cell) + ": "
                            + reasons.get(0).detail(),
                    reasons.stream().map(r -> r.code() + ": " + r.detail()).toList());
        }
    }

    private void requireStation(OperationSpec op, String station, String token) {
        if (station == null) {
            throw ProblemException.badRequest("station-required", op.code() + " runs on a " + op.equipmentClass()
                    + ": name the station it starts on");
        }
        EquipmentAvailability a = stations.availability(station, token).orElseThrow(
                () -> ProblemException.badRequest("unknown-station", "Equipment knows no station " + station));
        if (!op.equipmentClass().equals(a.equipmentClass())) {
            throw ProblemException.conflict("wrong-station", station + " is a " + a.equipmentClass() + "; "
                    + op.code() + " needs a " + op.equipmentClass());
        }
        if (!a.available()) {
            throw new ProblemException(409, "equipment-not-available", "Equipment not available",
                    station + " may not take work: " + a.reasons().get(0).detail(),
                    a.reasons().stream().map(r -> r.code() + ": " + r.detail()).toList());
        }
    }

    private static boolean has(List<Reason> reasons, String code) {
        return reasons.stream().anyMatch(r -> code.equals(r.code()));
    }
}
