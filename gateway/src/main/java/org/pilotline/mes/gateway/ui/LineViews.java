package org.pilotline.mes.gateway.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the live line view reads from the equipment service, and the tiles it makes of it. */
public final class LineViews {

    /**
     * The process chain's order of machine classes, from electrolyte powder to graded cell: tiles follow the
     * material. A class not named here comes after, by its machine's id.
     */
    static final List<String> PROCESS_ORDER = List.of("ELECTROLYTE_SYNTHESIS", "ELECTROLYTE_FILM_LINE", "GLOVEBOX",
            "MIXER", "COATER", "CALENDER", "SLITTER", "DRY_ROOM", "STACKER", "ISOSTATIC_PRESS", "SEALER",
            "LEAK_TESTER", "FORMATION_CYCLER", "AGING_CHAMBER", "GRADING_TESTER");
    /** Classes whose readings are the atmosphere of their area: their tiles show readings against limits. */
    static final List<String> ENCLOSURES = List.of("DRY_ROOM", "GLOVEBOX");

    private LineViews() {
    }

    public record Machine(String id, String name, String equipmentClass, String area, String line, String state,
            String mode, Instant stateSince) {
    }

    public record PlantAlarm(String equipment, String code, String severity, String text, Instant raisedAt) {
    }

    public record Reading(String tag, double value, String unit, Instant at, Double lower, Double upper,
            Boolean withinLimits) {

        /** Outside its limits: the tile shows it red. */
        public boolean out() {
            return Boolean.FALSE.equals(withinLimits);
        }
    }

    public record Enclosure(String equipment, String equipmentClass, List<Reading> readings,
            List<Map<String, Object>> excursions) {
    }

    public record Conditions(String equipment, Instant at, List<Enclosure> enclosures) {
    }

    /** One machine's tile: its state and mode, its active alarms and, for a dry room or glovebox, its readings. */
    public record Tile(Machine machine, List<PlantAlarm> alarms, Enclosure atmosphere) {

        public boolean alarmed() {
            return !alarms.isEmpty();
        }

        /** An excursion is under way, or a reading is out of its limits. */
        public boolean excursion() {
            return atmosphere != null && (!atmosphere.excursions().isEmpty()
                    || atmosphere.readings().stream().anyMatch(Reading::out));
        }
    }

    /** The areas of the line in process order, each with its tiles in process order. */
    public record Area(String name, List<Tile> tiles) {
    }

    static List<Area> areas(List<Machine> machines, List<PlantAlarm> alarms, Map<String, Enclosure> atmospheres) {
        Map<String, List<PlantAlarm>> byMachine = alarms.stream()
                .collect(Collectors.groupingBy(PlantAlarm::equipment));
        List<Tile> tiles = machines.stream().sorted(Comparator.comparingInt(LineViews::rank)
                .thenComparing(Machine::id))
                .map(m -> new Tile(m, byMachine.getOrDefault(m.id(), List.of()), atmospheres.get(m.id()))).toList();
        Map<String, List<Tile>> byArea = new LinkedHashMap<>();
        tiles.forEach(t -> byArea.computeIfAbsent(t.machine().area(), a -> new ArrayList<>()).add(t));
        return byArea.entrySet().stream().map(e -> new Area(e.getKey(), e.getValue())).toList();
    }

    private static int rank(Machine m) {
        int i = PROCESS_ORDER.indexOf(m.equipmentClass());
        return i < 0 ? PROCESS_ORDER.size() : i;
    }
}
