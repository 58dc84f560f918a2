package org.pilotline.mes.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.contracts.equipment.MaterialInput;

/** equipment: a cell was born (stacked) on a piece of equipment. */
public record CellAssembled(String equipment, String line, String cell, String lot, List<MaterialInput> inputs,
        Map<String, Object> parameters, Instant ts) {
}
