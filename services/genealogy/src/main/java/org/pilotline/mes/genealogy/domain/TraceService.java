package org.pilotline.mes.genealogy.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.genealogy.api.GenealogyApi.BackwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.CellView;
import org.pilotline.mes.genealogy.api.GenealogyApi.ForwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.LinkCorrection;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotBackwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotView;
import org.pilotline.mes.genealogy.api.GenealogyApi.OperationRun;
import org.pilotline.mes.genealogy.api.GenealogyApi.ReachedCell;
import org.pilotline.mes.genealogy.api.GenealogyApi.ReachedLot;
import org.pilotline.mes.genealogy.api.GenealogyApi.ReachedProductionLot;
import org.pilotline.mes.genealogy.api.GenealogyApi.TraceStep;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Backward trace (what went into a cell or lot, and how) and forward trace (where a material lot went). */
@ApplicationScoped
public class TraceService {

    private final GenealogyStore store;
    private final GenealogyService genealogy;
    private final ObjectMapper json;

    TraceService(GenealogyStore store, GenealogyService genealogy, ObjectMapper json) {
        this.store = store;
        this.genealogy = genealogy;
        this.json = json;
    }

    @Transactional // one connection for the five reads
    public BackwardTrace backward(String serial) {
        CellView cell = genealogy.cell(serial);
        List<TraceStep> steps = steps("CELL", serial);
        return new BackwardTrace(cell, steps, rawMaterials(steps), operations(serial, cell.lot()),
                corrections("CELL", serial));
    }

    @Transactional
    public MaterialLotBackwardTrace backwardOfMaterialLot(String id) {
        MaterialLotView lot = genealogy.materialLot(id);
        List<TraceStep> steps = steps("MATERIAL_LOT", id);
        return new MaterialLotBackwardTrace(lot, steps, rawMaterials(steps), corrections("MATERIAL_LOT", id));
    }

    private List<TraceStep> steps(String kind, String id) {
        List<TraceStep> steps = new ArrayList<>();
        for (Object[] r : store.upstream(kind, id)) {
            steps.add(new TraceStep(((Number) r[0]).longValue(), ((Number) r[2]).intValue(), (String) r[1],
                    (String) r[12], (String) r[13], (String) r[14], (String) r[15], (String) r[3], (BigDecimal) r[4],
                    (String) r[5], (BigDecimal) r[8], (BigDecimal) r[9], (String) r[10], (String) r[6],
                    (String) r[11], SqlValues.instant(r[7])));
        }
        return steps;
    }

    private List<MaterialLotView> rawMaterials(List<TraceStep> steps) {
        List<String> raw = steps.stream().filter(s -> "RAW".equals(s.kind())).map(TraceStep::materialLot).distinct()
                .toList();
        return store.materialLotRows(raw).stream().map(r -> GenealogyService.view(r, json)).toList();
    }

    List<OperationRun> operations(String serial, String lot) {
        return store.operations(serial, lot).stream().map(r -> new OperationRun((String) r[0], (String) r[1],
                (String) r[2], SqlValues.instant(r[3]), SqlValues.instant(r[4]), Json.map(json, (String) r[5]))).toList();
    }

    List<LinkCorrection> corrections(String kind, String id) {
        return store.corrections(kind, id).stream().map(r -> new LinkCorrection(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).longValue(),
                (String) r[4], (String) r[5], (String) r[6], SqlValues.instant(r[7]))).toList();
    }


    /**
     * Where a material lot went, up to {@code maxDepth} steps: every intermediate and production lot with their work
     * orders, and one page of the cells (nearest first), with how many there are in all. Paged in the database: a lot
     * that fed 100,000 cells sends one page over the wire.
     */
    @Transactional
    public ForwardTrace forward(String materialLot, int maxDepth, int offset, int limit) {
        if (maxDepth < 1 || maxDepth > GenealogyStore.MAX_DEPTH) {
            throw ProblemException.badRequest("bad-depth", "depth is 1 to " + GenealogyStore.MAX_DEPTH);
        }
        if (store.materialLot(materialLot).isEmpty()) {
            throw ProblemException.notFound("Material lot", materialLot);
        }
        List<ReachedLot> lots = new ArrayList<>();
        List<ReachedProductionLot> productionLots = new ArrayList<>();
        List<ReachedCell> cells = new ArrayList<>();
        java.util.SortedSet<String> modules = new java.util.TreeSet<>();
        long total = 0;
        for (Object[] r : store.downstream(materialLot, maxDepth, offset, limit)) {
            int depth = ((Number) r[2]).intValue();
            switch ((String) r[0]) {
                case "MATERIAL_LOT" -> lots.add(new ReachedLot((String) r[1], depth));
                case "LOT" -> productionLots.add(new ReachedProductionLot((String) r[1], (String) r[3],
                        (String) r[4], depth));
                case "CELL" -> cells.add(new ReachedCell((String) r[1], (String) r[5], (String) r[3], (String) r[4],
                        depth));
                case "MODULE" -> modules.add((String) r[1]);
                default -> total = ((Number) r[2]).longValue();
            }
        }
        lots.sort(Comparator.comparingInt(ReachedLot::depth).thenComparing(ReachedLot::materialLot));
        productionLots.sort(Comparator.comparing(ReachedProductionLot::lot));
        cells.sort(Comparator.comparingInt(ReachedCell::depth).thenComparing(ReachedCell::serial));
        List<String> workOrders = productionLots.stream().map(ReachedProductionLot::workOrder)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
        return new ForwardTrace(materialLot, lots, productionLots, workOrders, List.copyOf(modules), cells, total,
                maxDepth);
    }
}
