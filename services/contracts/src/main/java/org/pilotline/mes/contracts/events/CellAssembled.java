package org.pilotline.mes.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.contracts.equipment.MaterialInput;

/** equipment: a cell was born (stacked) on a piece of equipment, in this area and on this line of the plant. */
public record CellAssembled(String equipment, String area, String line, String cell, String lot,
        List<MaterialInput> inputs, Map<String, Object> parameters, Instant ts) {
}
