package org.pilotline.mes.workorders.api;

import java.time.LocalDate;
import java.util.List;

import org.pilotline.mes.contracts.rest.Reason;

/** Bodies of /dispatch. */
public final class DispatchApi {

    private DispatchApi() {
    }

    /**
     * An operation of a lot to run: READY (its previous operation is done and nobody has started it), or STARTED or
     * PAUSED at the station that asks (station lists only).
     */
    public record DispatchItem(String lot, String workOrder, String product, int priority, LocalDate dueDate,
            int sequence, String operation, String name, String workCenterType, String equipmentClass,
            String qualification, int plannedQuantity, String state, String station) {
    }

    /** A station's list: whether it may take work now (and why not), and what there is for it, most urgent first. */
    public record StationDispatch(String station, String equipmentClass, boolean available, List<Reason> reasons,
            List<DispatchItem> items) {
    }
}
