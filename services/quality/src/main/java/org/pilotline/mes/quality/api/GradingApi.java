package org.pilotline.mes.quality.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of /grading: grade bins per format and the import of cycler results. */
public final class GradingApi {

    private GradingApi() {
    }

    /** A grade bin: a cell is in it when it meets every bound given (capacity in Ah, ACIR in mOhm, K in mV/day, OCV in V). */
    public record Bin(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String grade,
            BigDecimal capacityMinAh, BigDecimal capacityMaxAh, BigDecimal acirMaxMohm, BigDecimal kValueMaxMvPerDay,
            BigDecimal ocvMinV, BigDecimal ocvMaxV) {
    }

    /** The bins of a format, best first: a cell takes the first it fits. */
    public record Bins(@NotBlank @Size(max = 2000) String reason, @NotEmpty @Size(max = 20) List<@Valid @NotNull Bin> bins) {
    }

    public record Reading(@NotNull BigDecimal value, @NotNull Instant at) {
    }

    public record PressurePoint(@NotNull Instant at, @NotNull @DecimalMin("0") BigDecimal mpa) {
    }

    /**
     * One cell's results from the cycler: OCV1 and OCV2 (V) with their times (K-value = drop in mV per day between
     * them), ACIR (mOhm), discharge capacity (Ah), and the fixture's stack-pressure log during formation (MPa).
     */
    public record CellResult(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String cell,
            @NotNull @Valid Reading ocv1, @NotNull @Valid Reading ocv2,
            @NotNull @DecimalMin("0") BigDecimal acirMohm, @NotNull @DecimalMin("0") BigDecimal capacityAh,
            @Size(max = 100000) List<@Valid @NotNull PressurePoint> pressureLog) {
    }

    /** An import from one cycler: checked as a whole; one bad row refuses all (400 with every problem). */
    public record Import(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String cycler,
            @NotEmpty @Size(max = 5000) List<@Valid @NotNull CellResult> results) {
    }

    /** What grading made of one cell: its K-value, the pressure range, grade (null: outside every bin), reasons. */
    public record Graded(String cell, String lot, String product, double kValueMvPerDay, Double pressureMinMpa,
            Double pressureMaxMpa, String grade, String verdict, List<String> reasons, String ncr) {
    }

    public record ImportResult(String cycler, int cells, int graded, int outsideEveryBin, List<Graded> results) {
    }

    /** One bar of the grade distribution: a grade and how many cells have it, with their share (percent). */
    public record GradeCount(String grade, long cells, double percent) {
    }

    /**
     * How a format's cells fell into its bins in a period: each cell counted once, by its latest grading; the bins
     * best first (a grade no longer among the bins after them), and the cells outside every bin.
     */
    public record Distribution(String product, Instant from, Instant to, long cells, List<GradeCount> bins,
            long outsideEveryBin, double outsidePercent) {
    }
}
