package org.pilotline.mes.equipment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.equipment.persistence.EnvironmentStore;
import org.pilotline.mes.equipment.persistence.EnvironmentStore.Excursion;
import org.pilotline.mes.equipment.persistence.EnvironmentStore.Limit;
import org.pilotline.mes.equipment.persistence.EnvironmentStore.Reading;
import org.pilotline.mes.equipment.persistence.EquipmentEntity;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.kit.problem.ProblemException;

/**
 * The atmosphere a machine worked in at a given time, for a cell's as-built record: the dry rooms and gloveboxes
 * of its line and area (or the machine itself if it is one), each with its last readings at that time, judged
 * against today's limits, and the excursions under way then.
 */
@ApplicationScoped
public class EnvironmentConditions {

    /** Classes whose readings are the atmosphere of what stands in their area. */
    static final Set<String> ENCLOSURES = Set.of("DRY_ROOM", "GLOVEBOX");
    /** A reading older than this says nothing about the moment asked for. */
    static final Duration MAX_AGE = Duration.ofHours(1);

    public record ReadingView(String tag, double value, String unit, Instant at, Double lower, Double upper,
            Boolean withinLimits) {
    }

    public record EnclosureConditions(String equipment, String equipmentClass, List<ReadingView> readings,
            List<Excursion> excursions) {
    }

    /** enclosures: empty when the machine stands in no monitored room (the line's formation area, say). */
    public record Conditions(String equipment, Instant at, List<EnclosureConditions> enclosures) {
    }

    private final EquipmentRepository equipment;
    private final EnvironmentStore store;
    private final EnvironmentMonitor monitor;

    EnvironmentConditions(EquipmentRepository equipment, EnvironmentStore store, EnvironmentMonitor monitor) {
        this.equipment = equipment;
        this.store = store;
        this.monitor = monitor;
    }

    @Transactional
    public Conditions at(String equipmentId, Instant at) {
        EquipmentEntity machine = equipment.findByIdOptional(equipmentId)
                .orElseThrow(() -> ProblemException.notFound("Equipment", equipmentId));
        List<EquipmentEntity> enclosures = ENCLOSURES.contains(machine.equipmentClass) ? List.of(machine)
                : equipment.list("site = ?1 and area = ?2 and line = ?3 and equipmentClass in ?4 order by id",
                        machine.site, machine.area, machine.line, ENCLOSURES);
        Map<String, Map<String, Limit>> limits = monitor.limits();
        List<EnclosureConditions> out = new ArrayList<>();
        for (EquipmentEntity e : enclosures) {
            Map<String, Limit> own = limits.getOrDefault(e.id, Map.of());
            List<ReadingView> readings = store.readingsAt(e.id, at, MAX_AGE).stream()
                    .map(r -> judged(r, own.get(r.tag()))).toList();
            out.add(new EnclosureConditions(e.id, e.equipmentClass, readings, store.history(e.id, at, at.plusMillis(1),
                    0, 20)));
        }
        return new Conditions(equipmentId, at, out);
    }

    private static ReadingView judged(Reading r, Limit limit) {
        if (limit == null) {
            return new ReadingView(r.tag(), r.value(), null, r.at(), null, null, null);
        }
        return new ReadingView(r.tag(), r.value(), limit.unit(), r.at(), limit.lower(), limit.upper(),
                !limit.violatedBy(r.value()));
    }
}
