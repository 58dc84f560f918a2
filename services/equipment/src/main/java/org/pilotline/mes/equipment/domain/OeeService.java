package org.pilotline.mes.equipment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.equipment.persistence.EquipmentEntity;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.equipment.persistence.RegistryStore;
import org.pilotline.mes.equipment.persistence.StateStore;
import org.pilotline.mes.equipment.persistence.UnitCountStore;
import org.pilotline.mes.kit.problem.ProblemException;

/** OEE of a piece of equipment or a line over a time range, from its state history and the units it reported. */
@ApplicationScoped
public class OeeService {

    /** Longest range one request may ask for: a year of history is read from the state table, not summed ahead. */
    private static final Duration MAX_RANGE = Duration.ofDays(366);

    private final EquipmentRepository equipment;
    private final RegistryStore registry;
    private final StateStore states;
    private final UnitCountStore units;

    OeeService(EquipmentRepository equipment, RegistryStore registry, StateStore states, UnitCountStore units) {
        this.equipment = equipment;
        this.registry = registry;
        this.states = states;
        this.units = units;
    }

    public Oee ofEquipment(String equipmentId, Instant from, Instant to) {
        checkRange(from, to);
        EquipmentEntity eq = equipment.findByIdOptional(equipmentId)
                .orElseThrow(() -> ProblemException.notFound("Equipment", equipmentId));
        return of(eq, from, to);
    }

    /** @return the line's OEE and its equipment's, in that order */
    public List<Oee> ofLine(String site, String area, String line, Instant from, Instant to) {
        checkRange(from, to);
        String path = site + "/" + area + "/" + line;
        List<EquipmentEntity> members = equipment.list("site = ?1 and area = ?2 and line = ?3 order by id", site,
                area, line);
        if (members.isEmpty() && registry.node(path).isEmpty()) {
            throw ProblemException.notFound("Line", path);
        }
        List<Oee> each = members.stream().map(e -> of(e, from, to)).toList();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(Oee.ofLine(path, from, to, each)),
                each.stream()).toList();
    }

    private Oee of(EquipmentEntity eq, Instant from, Instant to) {
        Double ideal = eq.idealCycleSeconds != null ? Double.valueOf(eq.idealCycleSeconds.doubleValue())
                : registry.idealCycleSeconds(eq.equipmentClass);
        return Oee.of(eq.id, from, to, states.spans(eq.id, from, to), ideal, units.totals(eq.id, from, to));
    }

    private static void checkRange(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw ProblemException.badRequest("bad-range", "from and to (ISO-8601) are required, from before to");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.badRequest("bad-range", "at most " + MAX_RANGE.toDays() + " days at once");
        }
    }
}
