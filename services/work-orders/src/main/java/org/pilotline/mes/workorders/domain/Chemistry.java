package org.pilotline.mes.workorders.domain;

import jakarta.validation.constraints.Size;

/** The materials of a cell format, e.g. NCM811 / Li metal / Li6PS5Cl argyrodite / pouch. */
public record Chemistry(
        @Size(max = 100) String cathode,
        @Size(max = 100) String anode,
        @Size(max = 100) String electrolyte,
        @Size(max = 100) String cellFormat) {
}
