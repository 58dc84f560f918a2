package org.pilotline.mes.quality.api;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the measurement API. */
public final class QualityApi {

    /** A product, characteristic, cell or lot code as the plant writes it on labels. */
    public static final String CODE = "[A-Za-z0-9_-]{1,100}";

    private QualityApi() {
    }

    /**
     * A measurement with its verdict against the plan version in force when it arrived (planVersion; null without a
     * plan). source EQUIPMENT or MANUAL (enteredBy); corrects: the measurement this one corrects; correctedBy: the
     * correction that replaced this one (it then no longer counts).
     */
    public record MeasurementView(long id, String characteristic, BigDecimal value, String unit, String cell,
            String lot, String materialLot, String product, String verdict, String reason, BigDecimal lowerLimit,
            BigDecimal upperLimit, Instant measuredAt, String equipment, Integer planVersion, String source,
            String enteredBy, Long corrects, Long correctedBy, String note) {
    }

    /** A value entered by a person, for a cell or a lot (one of the two); measuredAt defaults to now. */
    public record EnterMeasurement(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String characteristic,
            @NotNull BigDecimal value, @NotBlank @Size(max = 20) String unit,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String cell,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String lot,
            Instant measuredAt, @Size(max = 2000) String note) {
    }

    /** The right value of a measurement found wrong, and why (unit: the original's unless given). */
    public record CorrectMeasurement(@NotNull BigDecimal value, @Size(min = 1, max = 20) String unit,
            @NotBlank @Size(max = 2000) String reason) {
    }
}
