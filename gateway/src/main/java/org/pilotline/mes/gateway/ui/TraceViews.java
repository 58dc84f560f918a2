package org.pilotline.mes.gateway.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.gateway.ui.LineViews.Conditions;
import org.pilotline.mes.gateway.ui.LineViews.Enclosure;
import org.pilotline.mes.gateway.ui.LineViews.Reading;

/** What genealogy answers about a cell's or a lot's history, as the auditor's screens show it. */
public final class TraceViews {

    private TraceViews() {
    }

    public record Cell(String serial, String lot, String workOrder, String product, String stage, String equipment,
            String status, String currentOperation, String module, Map<String, Object> parameters, Instant createdAt,
            List<String> holds) {
    }

    /** One link on the way up: {@code materialLot} went into {@code into}. */
    public record Step(long linkId, int depth, String materialLot, String materialType, String kind,
            String supplier, String supplierLot, String into, BigDecimal quantity, String unit, BigDecimal rangeFrom,
            BigDecimal rangeTo, String operation, String equipment, String recordedBy, Instant at) {

        /** The metre range taken from a parent coil, as the slitter's log writes it. */
        public String range() {
            return rangeFrom == null ? "" : rangeFrom.stripTrailingZeros().toPlainString() + "–"
                    + rangeTo.stripTrailingZeros().toPlainString() + " m";
        }

        public String amount() {
            return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString() + " " + unit;
        }
    }

    public record MaterialLot(String id, String materialType, String kind, BigDecimal quantity,
            BigDecimal receivedQuantity, String unit, String supplier, String supplierLot, LocalDate expiresOn,
            Map<String, Object> certificate, String status, String equipment, Instant createdAt) {

        public String link() {
            return "/ui/trace/material-lots/" + ServiceClient.seg(id);
        }
    }

    public record OperationRun(String unitKind, String operation, String equipment, Instant startedAt,
            Instant completedAt, Map<String, Object> parameters) {
    }

    public record StepRecord(Step step, Conditions environment) {

        public List<Reading> air() {
            return TraceViews.air(environment);
        }
    }

    public record OperationRecord(OperationRun run, Conditions environment) {

        public List<Reading> air() {
            return TraceViews.air(environment);
        }
    }

    public record Correction(long id, long corrects, String materialLot, Long replacement,
            String replacementMaterialLot, String reason, String correctedBy, Instant at) {
    }

    public record Place(String manufacturer, String facility, String site, String area, String line,
            String equipment, String equipmentName) {
    }

    /** Genealogy's as-built record of a cell: everything in it, each step with the air around its machine. */
    public record AsBuilt(Cell cell, Place place, Conditions birthEnvironment, List<StepRecord> materials,
            List<MaterialLot> rawMaterials, List<OperationRecord> operations, List<Correction> corrections,
            List<String> gaps, Instant generatedAt) {

        public List<Reading> birthAir() {
            return air(birthEnvironment);
        }
    }

    public record MaterialLotTrace(MaterialLot materialLot, List<Step> steps, List<MaterialLot> rawMaterials,
            List<Correction> corrections) {
    }

    public record RecallCell(String serial, String lot, String workOrder, String product, int depth,
            List<String> sourceLots) {
    }

    public record RecallScope(List<String> materialLots, List<String> unknown, long totalCells,
            List<String> productionLots, List<String> intermediateLots, List<String> modules,
            List<RecallCell> cells) {
    }

    public record Exposure(String materialLot, String materialType, String location, String atmosphere,
            Instant since, double exposedMinutes, Integer limitMinutes, Instant exceededAt) {

        /** Where the gauge turns amber and red: at 70 % and 90 % of the limit. */
        public double warnAt() {
            return limitMinutes == null ? 0 : limitMinutes * 0.7;
        }

        public double alarmAt() {
            return limitMinutes == null ? 0 : limitMinutes * 0.9;
        }

    }

    /** Every reading of every enclosure around a machine, in one list: what the trace shows per step. */
    static List<Reading> air(Conditions c) {
        List<Reading> all = new ArrayList<>();
        if (c != null && c.enclosures() != null) {
            for (Enclosure e : c.enclosures()) {
                if (e.readings() != null) {
                    all.addAll(e.readings());
                }
            }
        }
        return all;
    }

    /**
     * The backward trace as a tree for the graph: the cell at the root, each lot under what it went into (a lot
     * reached by two paths is listed once by genealogy, at its shortest depth, so the steps form a tree).
     */
    static Map<String, Object> tree(String serial, List<Step> steps, List<MaterialLot> raw) {
        Map<String, MaterialLot> rawById = new LinkedHashMap<>();
        raw.forEach(r -> rawById.put(r.id(), r));
        return node(serial, "CELL", "", null, steps, rawById, 0);
    }

    private static Map<String, Object> node(String id, String kind, String type, Step via, List<Step> steps,
            Map<String, MaterialLot> raw, int depth) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", id);
        n.put("kind", kind);
        n.put("type", type);
        if (via != null) {
            n.put("link", "/ui/trace/material-lots/" + ServiceClient.seg(id));
            n.put("amount", via.range().isEmpty() ? via.amount() : via.range());
            n.put("operation", via.operation());
            n.put("machine", via.equipment() != null ? via.equipment() : via.recordedBy());
        }
        MaterialLot r = raw.get(id);
        if (r != null) {
            n.put("supplier", r.supplier());
        }
        List<Map<String, Object>> children = new ArrayList<>();
        if (depth < 64) {
            for (Step s : steps) {
                if (id.equals(s.into()) && s.depth() == depth + 1) {
                    children.add(node(s.materialLot(), s.kind(), s.materialType(), s, steps, raw, depth + 1));
                }
            }
        }
        n.put("children", children);
        return n;
    }
}
