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

import org.pilotline.mes.genealogy.client.EquipmentClient;

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

    /**
     * A cell: stage of its product (SAMPLE ... PRODUCTION); status IN_PROCESS, then RELEASED or REJECTED with its
     * lot's decision; currentOperation: the latest operation a machine reported on the cell or its lot; parameters:
     * the stacker's settings at its birth; module: the module it was built into, if any; holds: the reasons of
     * quality's open holds on the cell or its lot (a held cell goes into no module).
     */
    public record CellView(String serial, String lot, String workOrder, String product, String stage,
            String equipment, String status, String currentOperation, String module, Map<String, Object> parameters,
            Instant createdAt, List<String> holds) {
    }

    /**
     * One link on the way up: this material lot went into {@code into}, in this operation, on this equipment or
     * recorded by this person (recordedBy), at this time. linkId names the link for a correction.
     */
    public record TraceStep(long linkId, int depth, String materialLot, String materialType, String kind,
            String supplier, String supplierLot, String into, BigDecimal quantity, String unit, BigDecimal rangeFrom,
            BigDecimal rangeTo, String operation, String equipment, String recordedBy, Instant at) {
    }

    /** A run of an operation on a cell or on its production lot (unitKind CELL or LOT), with the machine's settings. */
    public record OperationRun(String unitKind, String operation, String equipment, Instant startedAt,
            Instant completedAt, Map<String, Object> parameters) {
    }

    /** A link found wrong: it no longer counts; the replacement (if any) counts instead. */
    public record LinkCorrection(long id, long corrects, String materialLot, Long replacement,
            String replacementMaterialLot, String reason, String correctedBy, Instant at) {
    }

    /**
     * Everything a cell was made from, with what ran on it; rawMaterials are the lots received from suppliers;
     * corrections: the links into the cell that were corrected (the steps show the graph as it stands).
     */
    public record BackwardTrace(CellView cell, List<TraceStep> steps, List<MaterialLotView> rawMaterials,
            List<OperationRun> operations, List<LinkCorrection> corrections) {
    }

    /** Everything an intermediate lot was made from, to the raw lots. */
    public record MaterialLotBackwardTrace(MaterialLotView materialLot, List<TraceStep> steps,
            List<MaterialLotView> rawMaterials, List<LinkCorrection> corrections) {
    }

    /**
     * A correction of a link: why, and, when the right material is known, what went in instead (the same quantity
     * and unit as the link unless given). The wrong lot gets its quantity back.
     */
    public record CorrectLink(@NotBlank @Size(max = 2000) String reason,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String materialLot,
            @DecimalMin(value = "0", inclusive = false) BigDecimal quantity,
            @Size(min = 1, max = 20) String unit) {
    }

    public record ReachedLot(String materialLot, int depth) {
    }

    /** A production lot a material lot reached, with its work order and product. */
    public record ReachedProductionLot(String lot, String workOrder, String product, int depth) {
    }

    public record ReachedCell(String serial, String lot, String workOrder, String product, int depth) {
    }

    /**
     * Everything a material lot went into, up to maxDepth steps: intermediate lots, production lots it was booked to
     * directly or holding a reached cell, with the work orders they belong to, the modules holding a reached cell,
     * and a page of the cells (totalCells in all).
     */
    public record ForwardTrace(String materialLot, List<ReachedLot> materialLots,
            List<ReachedProductionLot> productionLots, List<String> workOrders, List<String> modules,
            List<ReachedCell> cells, long totalCells, int maxDepth) {
    }

    /** A cell in a recall scope: how many steps from the nearest named lot, and which named lots it came from. */
    public record RecallCell(String serial, String lot, String workOrder, String product, int depth,
            List<String> sourceLots) {
    }

    /** totalCells counts every affected cell; cells is the requested page of them. */
    public record RecallScope(List<String> materialLots, List<String> unknown, long totalCells,
            List<String> productionLots, List<String> intermediateLots, List<String> modules, List<RecallCell> cells) {
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

    /** Where a cell was made: the manufacturer and facility (configured), and the line it was stacked on. */
    public record Place(String manufacturer, String facility, String site, String area, String line,
            String equipment, String equipmentName) {
    }

    /** A material step of the record, with the atmosphere around its machine at the time (null if not read). */
    public record StepRecord(TraceStep step, EquipmentClient.Conditions environment) {
    }

    /** An operation run of the record, with the atmosphere around its machine when it started. */
    public record OperationRecord(OperationRun run, EquipmentClient.Conditions environment) {
    }

    /**
     * Everything known about how one cell was built, for an auditor: the cell; where; every material that went in
     * (through every intermediate, with operation, machine or person, time and atmosphere); the raw lots with their
     * suppliers and certificates; every operation with the machine's settings; corrections; and gaps: what could not
     * be read when the record was made (e.g. the equipment service did not answer), so no silence looks complete.
     */
    public record AsBuiltRecord(CellView cell, Place place, EquipmentClient.Conditions birthEnvironment,
            List<StepRecord> materials, List<MaterialLotView> rawMaterials, List<OperationRecord> operations,
            List<LinkCorrection> corrections, List<String> gaps, Instant generatedAt) {
    }

    /** A raw material in a battery passport: what, which lot, from whom, with its certificate of analysis. */
    public record PassportMaterial(String materialType, String materialLot, String supplier, String supplierLot,
            Map<String, Object> certificate) {
    }

    /**
     * The instance-level data a battery passport needs from manufacturing: identity, model and stage, manufacturing
     * date and place, and the materials with their suppliers.
     */
    public record Passport(String batteryId, String model, String stage, String status, String lot,
            String workOrder, LocalDate manufacturingDate, Instant manufacturedAt, Place manufacturingPlace,
            List<PassportMaterial> materials, List<String> gaps, Instant generatedAt) {
    }

    /** Cells placed into a module, in position order (1, 2, ...), by an operator at the module station. */
    public record BuildModule(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String serial,
            @Size(max = 100) String product, @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String lot,
            @NotNull @Size(min = 1, max = 200) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String> cells) {
    }

    public record ModuleCell(int position, String serial, String lot, String status, Instant placedAt) {
    }

    public record ModuleView(String serial, String product, String lot, Instant createdAt, String createdBy,
            List<ModuleCell> cells) {
    }

    /** A material lot upstream of a module: depth 2 is a cell's own input. */
    public record ModuleMaterial(String materialLot, String materialType, String kind, String supplier,
            String supplierLot, int depth) {
    }

    /** Everything a module was made from: its cells, every material lot upstream of them, the raw lots. */
    public record ModuleTrace(ModuleView module, List<ModuleMaterial> materialLots, List<MaterialLotView> rawMaterials) {
    }
}
