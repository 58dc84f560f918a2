package org.pilotline.mes.quality.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of /ncrs: nonconformance reports. */
public final class NcrApi {

    private NcrApi() {
    }

    /** An item a nonconformance concerns: CELL, LOT, MATERIAL_LOT or EQUIPMENT and its id. */
    public record Item(@NotNull @Pattern(regexp = "CELL|LOT|MATERIAL_LOT|EQUIPMENT") String itemType,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String itemId) {
    }

    /** defectCode: the plant's code (e.g. SEAL-WRINKLE), counted in the Pareto; product: the format concerned. */
    public record OpenNcr(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,50}") String defectCode,
            @NotBlank @Size(max = 4000) String description,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String product,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull Item> items) {
    }

    public record RootCause(@NotBlank @Size(max = 4000) String rootCause) {
    }

    /** The disposition, signed: meaning e.g. "disposition approved"; reason: why this disposition. */
    public record Dispose(@NotNull @Pattern(regexp = "SCRAP|REWORK|USE_AS_IS|RETURN_TO_SUPPLIER") String disposition,
            @NotBlank @Size(max = 200) String meaning, @NotBlank @Size(max = 2000) String reason) {
    }

    public record NcrView(long id, String number, String product, String defectCode, String description,
            List<Item> items, String rootCause, String status, String disposition, String source, String openedBy,
            Instant openedAt, String disposedBy, Instant disposedAt, String dispositionReason,
            String dispositionSignature) {
    }

    /** One bar of a Pareto: a defect code, its count, its share and the running share (in percent). */
    public record ParetoBar(String defectCode, long count, double percent, double cumulativePercent) {
    }

    public record Pareto(String product, Instant from, Instant to, long total, List<ParetoBar> bars) {
    }
}
