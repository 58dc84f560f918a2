package org.pilotline.mes.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.pilotline.mes.contracts.equipment.MaterialInput;
import org.pilotline.mes.contracts.equipment.ParentRange;

/** equipment: a new material lot (coil, sub-coil, film roll, powder batch) was made from inputs. */
public record MaterialProduced(String equipment, String line, String materialLot, String materialType,
        BigDecimal quantity, String unit, List<MaterialInput> inputs, ParentRange parentRange, Instant ts) {
}
