package org.pilotline.mes.quality.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of /plans: versioned inspection plans per product. */
public final class PlanApi {

    private PlanApi() {
    }

    /**
     * What happens when a characteristic drifts: nelsonRules are the rules its SPC chart is checked against (default
     * all eight); holdOnSpcViolation holds the lot when one is broken; holdAfterConsecutiveFailures holds the lot after
     * that many failed measurements in a row; holdBelowYieldPct holds the lot when fewer of its cells pass, once
     * yieldMinCount cells (default 10) are measured.
     */
    public record Reactions(@Size(max = 8) List<@NotNull @Min(1) @Max(8) Integer> nelsonRules,
            Boolean holdOnSpcViolation,
            @Min(2) @Max(100) Integer holdAfterConsecutiveFailures,
            @DecimalMin("0") @DecimalMax("100") BigDecimal holdBelowYieldPct,
            @Min(1) @Max(10000) Integer yieldMinCount) {

        public static final Reactions NONE = new Reactions(null, null, null, null, null);
    }

    /**
     * One characteristic of a plan. sampling: EVERY_CELL (default), PER_LOT (sampleSize cells of each lot) or
     * FIRST_LAST (the first and the last cell of a lot); source: EQUIPMENT (a machine publishes it, under tag) or
     * MANUAL (entered by a person whose role is in entryRoles; quality always may). Control limits, when given,
     * replace those computed from the data on the SPC chart.
     */
    public record CharacteristicPlan(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String operation,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 20) String unit,
            BigDecimal lowerLimit, BigDecimal target, BigDecimal upperLimit,
            BigDecimal controlLower, BigDecimal controlUpper,
            @Pattern(regexp = "EVERY_CELL|PER_LOT|FIRST_LAST") String sampling,
            @Min(1) @Max(10000) Integer sampleSize,
            @Pattern(regexp = "EQUIPMENT|MANUAL") String source,
            @Size(max = 100) String tag,
            @Size(max = 3) List<@NotNull @Pattern(regexp = "operator|supervisor|quality") String> entryRoles,
            @Valid Reactions reactions) {
    }

    /** A new version of a product's plan: every characteristic it is to have, and why it changes. */
    public record ReleasePlan(@NotBlank @Size(max = 2000) String reason,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull CharacteristicPlan> characteristics) {
    }

    /** A plan version; characteristics are left out of lists of versions. */
    public record PlanVersionView(String product, int version, String origin, String reason, String releasedBy,
            Instant releasedAt, Instant supersededAt, List<CharacteristicPlan> characteristics) {
    }
}
