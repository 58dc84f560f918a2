package org.pilotline.mes.workorders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

    /** An operation of the lot's routing and how far it got. */
    public record OperationStatus(int sequence, String operation, String name, String equipmentClass,
            String qualification, List<ParameterSpec> parameters, String state, String station, Instant startedAt,
            String startedBy, Instant completedAt, String completedBy, Map<String, BigDecimal> values,
            String outOfLimitReason, Integer good, Integer scrap, String scrapReason) {
    }
}
