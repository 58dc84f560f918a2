package org.pilotline.mes.genealogy.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the genealogy API. */
public final class GenealogyApi {

    private GenealogyApi() {
    }

    /**
     * Receipt of a material lot from a supplier: kind RAW (default) or CONSUMABLE; expiresOn: last day it may be
     * used; certificate: the certificate of analysis, characteristic -> value (number or text).
     */
    public record ReceiveMaterialLot(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String id,
            @NotBlank @Size(max = 100) String materialType,
            @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity,
            @NotBlank @Size(max = 20) String unit,
            @NotBlank @Size(max = 200) String supplier,
            @NotBlank @Size(max = 100) String supplierLot,
            @Pattern(regexp = "RAW|CONSUMABLE") String kind,
            LocalDate expiresOn,
            @Size(max = 50) Map<@Size(min = 1, max = 100) String, Object> certificate) {
    }

    public record MaterialLotView(String id, String materialType, String kind, BigDecimal quantity,
            BigDecimal receivedQuantity, String unit, String supplier, String supplierLot, LocalDate expiresOn,
            Map<String, Object> certificate, String status, String equipment, Instant createdAt) {
    }

    /** An operator's entry: this much of the lot went into a production lot or a cell (one of the two). */
    public record Consume(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity,
            @NotBlank @Size(max = 20) String unit,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String lot,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String cell,
            @Size(max = 100) String operation) {
    }

    public record Scrap(@NotBlank @Size(max = 2000) String reason) {
    }

    public record CellView(String serial, String lot, String workOrder, String product, String equipment,
            String status, Instant createdAt) {
    }

    /** One link on the way up from a cell: this material lot went into {@code into}. */
    public record TraceStep(int depth, String materialLot, String materialType, String kind, String supplier,
            String supplierLot, String into, BigDecimal quantity, String unit, BigDecimal rangeFrom,
            BigDecimal rangeTo, String equipment, Instant at) {
    }

    /** Everything a cell was made from; rawMaterials are the lots received from suppliers. */
    public record BackwardTrace(CellView cell, List<TraceStep> steps, List<MaterialLotView> rawMaterials) {
    }

    public record ReachedLot(String materialLot, int depth) {
    }

    public record ReachedCell(String serial, String lot, String workOrder, String product, int depth) {
    }

    /**
     * Everything a material lot went into, up to maxDepth steps: intermediate lots, production lots it was booked to
     * directly (an operator's or a machine's consumption into a lot), and a page of the cells (totalCells in all).
     */
    public record ForwardTrace(String materialLot, List<ReachedLot> materialLots, List<ReachedLot> productionLots,
            List<ReachedCell> cells, long totalCells, int maxDepth) {
    }

    /** A cell in a recall scope: how many steps from the nearest named lot, and which named lots it came from. */
    public record RecallCell(String serial, String lot, String workOrder, String product, int depth,
            List<String> sourceLots) {
    }

    /** totalCells counts every affected cell; cells is the requested page of them. */
    public record RecallScope(List<String> materialLots, List<String> unknown, long totalCells,
            List<String> productionLots, List<String> intermediateLots, List<RecallCell> cells) {
    }

    /** A lot moved: where to, in which atmosphere (INERT glovebox, DRY dry room, AMBIENT anywhere else), when. */
    public record Transfer(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String location,
            @NotNull @Pattern(regexp = "INERT|DRY|AMBIENT") String atmosphere, Instant at) {
    }

    /** Where a lot is, how long it has been exposed, its material's limit, and when it passed it. */
    public record ExposureView(String materialLot, String materialType, String location, String atmosphere,
            Instant since, double exposedMinutes, Integer limitMinutes, Instant exceededAt) {
    }

    public record ExposureLimit(@jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100000)
            int limitMinutes, @Size(max = 2000) String reason) {
    }
}
