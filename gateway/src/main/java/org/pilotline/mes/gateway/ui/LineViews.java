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

    public record Machine(String id, String name, String equipmentClass, String site, String area, String line,
            String state, String mode, Instant stateSince) {

        /** The line's path for the OEE read: site/area/line. */
        public String linePath() {
            return site + "/" + area + "/" + line;
        }
    }

    /** Work-orders' work in process at one routing operation. */
    public record OperationWip(String operation, String name, int sequence, int lotsInProcess, int cellsInProcess,
            int lotsWaiting) {

        public boolean busy() {
            return lotsInProcess + cellsInProcess > 0;
        }
    }

    /** What is started or paused at a station (work-orders). */
    public record StationWork(String station, String operation, List<String> lots, int cellCount, List<String> cells,
            String state, Instant since) {

        public boolean paused() {
            return "PAUSED".equals(state);
        }

        /** Lots there besides the first shown. */
        public int moreLots() {
            return Math.max(0, lots.size() - 1);
        }

        /** The one cell shown when a single cell runs there; null otherwise. */
        public String cell() {
            return cellCount == 1 && !cells.isEmpty() ? cells.get(0) : null;
        }
    }

    /** Work-orders' {@code GET /wip}. */
    public record Wip(List<OperationWip> operations, List<StationWork> stations) {
        static final Wip NONE = new Wip(List.of(), List.of());
    }

    /** The equipment service's OEE of a machine or a line over a range (the figures the tiles show). */
    public record Oee(String scope, Instant from, Instant to, Double oee, Double availability, Double performance,
            Double quality, long good, long scrap) {

        /** A figure as a percentage (null stays null: no inputs, nothing to show). */
        static Double pct(Double f) {
            return f == null ? null : f * 100;
        }

        public Double oeePct() {
            return pct(oee);
        }

        public Double availabilityPct() {
            return pct(availability);
        }

        public Double performancePct() {
            return pct(performance);
        }

        public Double qualityPct() {
            return pct(quality);
        }
    }

    /** The equipment service's {@code GET /oee/lines/...}: the line's figures and each machine's. */
    public record LineOee(Oee line, List<Oee> equipment) {
    }

    /**
     * What the shift's OEE is: the figures per machine (by id) and per line (by area), over the current shift.
     */
    public record ShiftOee(Shifts.Shift shift, Map<String, Oee> machines, Map<String, Oee> areas) {
        /** {@code lines}: by line path (site/area/line); an area shows its line's figure (the first, if several). */
        static ShiftOee of(Shifts.Shift shift, Map<String, LineOee> lines, List<Machine> machines) {
            Map<String, Oee> byMachine = new java.util.HashMap<>();
            Map<String, Oee> byArea = new java.util.HashMap<>();
            lines.values().forEach(l -> l.equipment().forEach(o -> byMachine.put(o.scope(), o)));
            for (Machine m : machines) {
                LineOee l = lines.get(m.linePath());
                if (l != null) {
                    byArea.putIfAbsent(m.area(), l.line());
                }
            }
            return new ShiftOee(shift, byMachine, byArea);
        }
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

    /** One machine's tile: its state and mode, its active alarms, for a dry room or glovebox its readings, what
     * work-orders has started or paused there (its lot or cells) and its OEE over the current shift. */
    public record Tile(Machine machine, List<PlantAlarm> alarms, Enclosure atmosphere, StationWork work, Oee oee) {

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
    public record Area(String name, List<Tile> tiles, Oee oee) {
    }

    /** Everything the line view shows, from one set of reads. */
    public record Line(List<Area> areas, List<OperationWip> wip, Shifts.Shift shift, boolean workKnown,
            boolean oeeKnown) {
    }

    static List<Area> areas(List<Machine> machines, List<PlantAlarm> alarms, Map<String, Enclosure> atmospheres) {
        return areas(machines, alarms, atmospheres, Wip.NONE, new ShiftOee(null, Map.of(), Map.of()));
    }

    static List<Area> areas(List<Machine> machines, List<PlantAlarm> alarms, Map<String, Enclosure> atmospheres,
            Wip wip, ShiftOee oee) {
        Map<String, StationWork> work = new java.util.HashMap<>();
        wip.stations().forEach(w -> work.put(w.station(), w));
        Map<String, List<PlantAlarm>> byMachine = alarms.stream()
                .collect(Collectors.groupingBy(PlantAlarm::equipment));
        List<Tile> tiles = machines.stream().sorted(Comparator.comparingInt(LineViews::rank)
                .thenComparing(Machine::id))
                .map(m -> new Tile(m, byMachine.getOrDefault(m.id(), List.of()), atmospheres.get(m.id()),
                        work.get(m.id()), oee.machines().get(m.id()))).toList();
        Map<String, List<Tile>> byArea = new LinkedHashMap<>();
        tiles.forEach(t -> byArea.computeIfAbsent(t.machine().area(), a -> new ArrayList<>()).add(t));
        return byArea.entrySet().stream().map(e -> new Area(e.getKey(), e.getValue(), oee.areas().get(e.getKey())))
                .toList();
    }

    private static int rank(Machine m) {
        int i = PROCESS_ORDER.indexOf(m.equipmentClass());
        return i < 0 ? PROCESS_ORDER.size() : i;
    }
}
