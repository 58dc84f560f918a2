package org.pilotline.mes.workorders.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Bodies of /lots/{lot}/serials. */
public final class SerialApi {

    private SerialApi() {
    }

    /** station: which station or printer will label with this block (optional). */
    public record AllocateSerials(@Min(1) @Max(10_000) int count,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String station) {
    }

    public record SerialBlock(String lot, String first, String last, int count, String station, String allocatedBy,
            Instant allocatedAt, List<String> serials) {
    }
}
