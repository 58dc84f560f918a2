package org.pilotline.mes.quality.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of /holds. */
public final class HoldApi {

    private HoldApi() {
    }

    /** itemType: CELL, LOT, MATERIAL_LOT or EQUIPMENT; itemId: the business id people read. */
    public record PlaceHold(@NotNull @Pattern(regexp = "CELL|LOT|MATERIAL_LOT|EQUIPMENT") String itemType,
            @NotBlank @Size(max = 100) String itemId, @NotBlank @Size(max = 2000) String reason) {
    }

    /** An electronic signature: meaning, e.g. "released after re-inspection"; reason: why. */
    public record ReleaseHold(@NotBlank @Size(max = 200) String meaning, @NotBlank @Size(max = 2000) String reason) {
    }

    public record HoldView(long id, String itemType, String itemId, String reason, String source, String placedBy,
            Instant placedAt, boolean open, Instant releasedAt, String releasedBy, String releaseReason,
            String releaseSignature) {
    }
}
