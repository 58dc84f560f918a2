package org.pilotline.mes.simulator;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pilotline.mes.simulator.Machine.Tag;

/**
 * The pilot line as registered in the equipment service (site pilot, line L1): every equipment class of a sulfide
 * solid-state line, each with the tags its class publishes (see the equipment-class registry).
 */
final class PilotLine {

    static final String SITE = "pilot";
    static final String LINE = "L1";

    static final List<Machine> MACHINES = List.of(
            new Machine("SYN-01", "electrolyte", "ELECTROLYTE_SYNTHESIS", List.of(new Tag("reactorTempC", 550, 2),
                    new Tag("argonFlowLpm", 5, 0.1), new Tag("o2Ppm", 0.4, 0.05))),
            new Machine("SEFILM-01", "electrolyte", "ELECTROLYTE_FILM_LINE", List.of(new Tag("lineSpeedMpm", 2, 0.05),
                    new Tag("filmThicknessUm", 30, 0.8), new Tag("ionicConductivityMScm", 2.5, 0.1))),
            new Machine("GLOVEBOX-01", "electrolyte", "GLOVEBOX", List.of(new Tag("o2Ppm", 0.3, 0.05),
                    new Tag("h2oPpm", 0.2, 0.04), new Tag("h2sPpm", 0.02, 0.005), new Tag("pressureMbar", 2, 0.1))),
            new Machine("MIX-01", "electrode", "MIXER", List.of(new Tag("speedRpm", 1500, 10),
                    new Tag("tempC", 25, 0.5), new Tag("torqueNm", 12, 0.4))),
            new Machine("COAT-01", "electrode", "COATER", List.of(new Tag("webSpeedMpm", 5, 0.1),
                    new Tag("coatWeightMgCm2", 25, 0.3), new Tag("dryerTempC", 110, 1))),
            new Machine("CAL-01", "electrode", "CALENDER", List.of(new Tag("rollGapUm", 90, 0.5),
                    new Tag("lineForceKNm", 1.5, 0.05), new Tag("rollTempC", 80, 0.5))),
            new Machine("SLIT-01", "electrode", "SLITTER", List.of(new Tag("speedMpm", 20, 0.5),
                    new Tag("widthMm", 120, 0.05), new Tag("burrUm", 4, 0.5))),
            new Machine("DRYROOM-01", "assembly", "DRY_ROOM", List.of(new Tag("dewPointC", -50, 1.5),
                    new Tag("tempC", 21, 0.3), new Tag("h2sPpm", 0.05, 0.01))),
            new Machine("STACK-01", "assembly", "STACKER", List.of(new Tag("stackPressureMPa", 1.5, 0.05),
                    new Tag("alignmentUm", 50, 8), new Tag("layerCount", 40, 0))),
            new Machine("PRESS-01", "assembly", "ISOSTATIC_PRESS", List.of(new Tag("pressureMPa", 450, 4),
                    new Tag("holdTimeS", 300, 1), new Tag("tempC", 80, 0.8))),
            new Machine("SEAL-01", "assembly", "SEALER", List.of(new Tag("sealTempC", 180, 1.5),
                    new Tag("sealPressureMPa", 0.4, 0.01), new Tag("sealTimeS", 4, 0.05))),
            new Machine("LEAK-01", "assembly", "LEAK_TESTER", List.of(new Tag("leakRateMbarLs", 1e-7, 2e-8),
                    new Tag("h2sPpm", 0.01, 0.003))),
            new Machine("FORM-01", "formation", "FORMATION_CYCLER", List.of(new Tag("voltageV", 3.9, 0.05),
                    new Tag("currentA", 6, 0.1), new Tag("stackPressureMPa", 5, 0.1), new Tag("tempC", 25, 0.3))),
            new Machine("AGE-01", "formation", "AGING_CHAMBER", List.of(new Tag("tempC", 45, 0.3),
                    new Tag("ocvV", 3.85, 0.005))),
            new Machine("GRADE-01", "formation", "GRADING_TESTER", List.of(new Tag("ocvV", 3.85, 0.005),
                    new Tag("acirMOhm", 1.2, 0.05), new Tag("capacityAh", 60, 0.4))));

    /** The machines that keep the atmosphere rather than work on lots. */
    static final java.util.Set<String> ENVIRONMENT = java.util.Set.of("DRYROOM-01", "GLOVEBOX-01");

    static final Map<String, Machine> BY_ID = MACHINES.stream()
            .collect(Collectors.toMap(Machine::id, Function.identity()));

    private PilotLine() {
    }

    static Machine machine(String id) {
        return BY_ID.get(id);
    }
}
