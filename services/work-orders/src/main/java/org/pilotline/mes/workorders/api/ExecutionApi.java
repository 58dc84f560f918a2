package org.pilotline.mes.workorders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pilotline.mes.contracts.events.CharacteristicSpec;
import org.pilotline.mes.contracts.events.ParameterSpec;

/** Bodies of /lots/{lot}/operations. */
public final class ExecutionApi {

    private ExecutionApi() {
    }

    public record StartOperation(@Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String station) {
    }

    /**
     * parameters: value per parameter code of the routing; outOfLimitReason: why values outside their limits
     * are accepted (required when any is); scrap needs a scrapReason.
     */
    public record CompleteOperation(Map<String, BigDecimal> parameters, @Size(max = 2000) String outOfLimitReason,
            @Min(0) Integer good, @Min(0) Integer scrap, @Size(max = 100) String scrapReason) {
    }

    public record PauseOperation(@NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * An operation of the routing and how far it got on the lot, or on one cell (cell set). scope: LOT when the
     * state is the lot's (a cell without its own run shares it), CELL when the cell ran it on its own.
     */
    public record OperationStatus(int sequence, String operation, String name, String equipmentClass,
            String qualification, List<ParameterSpec> parameters, List<CharacteristicSpec> characteristics,
            String cell, String scope, String state,
            String station, Instant startedAt, String startedBy, Instant completedAt, String completedBy,
            Map<String, BigDecimal> values, String outOfLimitReason, Integer good, Integer scrap, String scrapReason,
            PauseView pause, CellCounts cells) {
    }

    /** The open pause of a paused operation. */
    public record PauseView(Instant pausedAt, String pausedBy, String reason) {
    }

    /** How many cells ran the operation on their own: in process (started or paused), completed, scrapped. */
    public record CellCounts(int inProcess, int completed, int scrapped) {
    }
}
