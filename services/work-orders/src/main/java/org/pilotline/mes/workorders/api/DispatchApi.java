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

    /**
     * Work in process at one routing operation (by its code, across routings): lots and cells started or paused at
     * it, and lots whose next operation it is and that nobody has started yet ({@code lotsWaiting}). {@code sequence}
     * is the lowest the code has in the routings counted, for ordering.
     */
    public record OperationWip(String operation, String name, int sequence, int lotsInProcess, int cellsInProcess,
            int lotsWaiting) {
    }

    /**
     * What is started or paused at a station: the operation, the lots, the cells running on their own there (their
     * count and, up to ten, their serials), STARTED if anything runs, else PAUSED, and since when the earliest ran.
     */
    public record StationWork(String station, String operation, List<String> lots, int cellCount,
            List<String> cells, String state, java.time.Instant since) {
    }

    /** The line's work in process: per operation in routing order, and per station. */
    public record Wip(List<OperationWip> operations, List<StationWork> stations) {
    }
}
