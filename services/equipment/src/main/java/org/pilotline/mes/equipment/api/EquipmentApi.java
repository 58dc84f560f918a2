package org.pilotline.mes.equipment.api;

import java.math.BigDecimal;
import java.time.Instant;

/** Response bodies of /equipment. */
public final class EquipmentApi {

    private EquipmentApi() {
    }

    public record EquipmentView(String id, String name, String equipmentClass, String site, String area, String line,
            String workCell, BigDecimal idealCycleSeconds, String state, String mode, Instant stateSince,
            String topic) {
    }
}
