package org.pilotline.mes.workorders.api;

import java.time.LocalDate;

/** Bodies of /dispatch. */
public final class DispatchApi {

    private DispatchApi() {
    }

    /** An operation ready to run on a lot: its previous operation is done and nobody has started it. */
    public record DispatchItem(String lot, String workOrder, String product, int priority, LocalDate dueDate,
            int sequence, String operation, String name, String workCenterType, String equipmentClass,
            String qualification, int plannedQuantity) {
    }
}
