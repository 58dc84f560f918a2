package org.pilotline.mes.gateway.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.contracts.events.CharacteristicSpec;
import org.pilotline.mes.contracts.events.ParameterSpec;
import org.pilotline.mes.contracts.rest.Reason;

/** What the station console reads from the services (the fields it shows; the services send more). */
public final class StationViews {

    private StationViews() {
    }

    /** A page of a service's list. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record Station(String id, String name, String equipmentClass, String site, String area, String line,
            String state, String mode, Instant stateSince) {
    }

    public record Alarm(String code, String severity, String text, Instant raisedAt) {
    }

    public record Dispatch(String station, String equipmentClass, boolean available, List<Reason> reasons,
            List<DispatchItem> items) {
    }

    public record DispatchItem(String lot, String workOrder, String product, int priority, LocalDate dueDate,
            int sequence, String operation, String name, String equipmentClass, String qualification,
            int plannedQuantity, String state, String station) {
    }

    public record Pause(Instant pausedAt, String pausedBy, String reason) {
    }

    public record CellCounts(int inProcess, int completed, int scrapped) {
    }

    /** An operation of a lot (or of one cell) and how far it got. */
    public record Operation(int sequence, String operation, String name, String equipmentClass,
            String qualification, List<ParameterSpec> parameters, List<CharacteristicSpec> characteristics,
            String cell, String scope, String state, String station, Instant startedAt, String startedBy,
            Instant completedAt, String completedBy, Map<String, BigDecimal> values, String outOfLimitReason,
            Integer good, Integer scrap, String scrapReason, Pause pause, CellCounts cells) {

        public boolean pending() {
            return "PENDING".equals(state);
        }

        public boolean started() {
            return "STARTED".equals(state);
        }

        public boolean paused() {
            return "PAUSED".equals(state);
        }

        public boolean completed() {
            return "COMPLETED".equals(state);
        }
    }

    /** What is left to measure of a characteristic (quality's gate). */
    public record ToMeasure(String characteristic, String name, String unit, String sampling, Integer sampleSize,
            String source, List<String> measured, List<String> next) {

        public boolean manual() {
            return "MANUAL".equals(source);
        }
    }

    /** Quality's gate of an operation: PASS, FAIL or PENDING. */
    public record Gate(String lot, String operation, String status) {
    }

    /** A characteristic to enter by hand, for this operation or for the one before whose gate waits for it. */
    public record ManualEntry(String operation, ToMeasure item) {
    }

    public record Cell(String serial, String lot, String workOrder, String product, String stage, String status,
            String currentOperation, List<String> holds) {
    }

    public record Lot(String lot, String workOrder, String product, int plannedQuantity, String state) {

        /** All its operations completed: ready for a supervisor's decision. */
        public boolean ready() {
            return "READY".equals(state);
        }
    }

    public record MaterialLot(String id, String materialType, BigDecimal quantity, String unit, String status,
            LocalDate expiresOn) {
    }
}
