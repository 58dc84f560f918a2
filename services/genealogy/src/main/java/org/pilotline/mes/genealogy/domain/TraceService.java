package org.pilotline.mes.genealogy.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.genealogy.api.GenealogyApi.BackwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.CellView;
import org.pilotline.mes.genealogy.api.GenealogyApi.ForwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotView;
import org.pilotline.mes.genealogy.api.GenealogyApi.ReachedCell;
import org.pilotline.mes.genealogy.api.GenealogyApi.ReachedLot;
import org.pilotline.mes.genealogy.api.GenealogyApi.TraceStep;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.genealogy.persistence.MaterialLotEntity;
import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.problem.ProblemException;

/** Backward trace (what went into a cell) and forward trace (where a material lot went). */
@ApplicationScoped
public class TraceService {

    private final GenealogyStore store;
    private final GenealogyService genealogy;

    TraceService(GenealogyStore store, GenealogyService genealogy) {
        this.store = store;
        this.genealogy = genealogy;
    }

    public BackwardTrace backward(String serial) {
        CellView cell = genealogy.cell(serial);
        List<TraceStep> steps = new ArrayList<>();
        List<MaterialLotView> raw = new ArrayList<>();
        for (Object[] r : store.upstream("CELL", serial)) {
            MaterialLotEntity lot = store.materialLot((String) r[0]).orElseThrow();
            steps.add(new TraceStep(((Number) r[1]).intValue(), lot.id, lot.materialType, lot.kind, lot.supplier,
                    lot.supplierLot, (String) r[2], (BigDecimal) r[3], (String) r[4], (BigDecimal) r[7],
                    (BigDecimal) r[8], (String) r[5], SqlValues.instant(r[6])));
            if ("RAW".equals(lot.kind)) {
                raw.add(GenealogyService.view(lot));
            }
        }
        return new BackwardTrace(cell, steps, GenealogyService.distinct(raw, MaterialLotView::id));
    }

    /**
     * Where a material lot went, up to {@code maxDepth} steps: every intermediate and production lot, and one page
     * of the cells (nearest first), with how many there are in all.
     */
    public ForwardTrace forward(String materialLot, int maxDepth, int offset, int limit) {
        if (maxDepth < 1 || maxDepth > GenealogyStore.MAX_DEPTH) {
            throw ProblemException.badRequest("bad-depth", "depth is 1 to " + GenealogyStore.MAX_DEPTH);
        }
        if (store.materialLot(materialLot).isEmpty()) {
            throw ProblemException.notFound("Material lot", materialLot);
        }
        List<ReachedLot> lots = new ArrayList<>();
        List<ReachedLot> productionLots = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        java.util.Map<String, Integer> depthOf = new java.util.HashMap<>();
        for (Object[] r : store.downstream(materialLot, maxDepth)) {
            int depth = ((Number) r[2]).intValue();
            if ("CELL".equals(r[0])) {
                serials.add((String) r[1]);
                depthOf.put((String) r[1], depth);
            } else if ("LOT".equals(r[0])) {
                productionLots.add(new ReachedLot((String) r[1], depth));
            } else {
                lots.add(new ReachedLot((String) r[1], depth));
            }
        }
        List<String> page = serials.subList(Math.min(offset, serials.size()),
                (int) Math.min((long) offset + limit, serials.size()));
        java.util.Map<String, ReachedCell> found = new java.util.HashMap<>();
        for (Object[] r : store.cellsWithLots(page)) {
            found.put((String) r[0], new ReachedCell((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    depthOf.get((String) r[0])));
        }
        List<ReachedCell> cells = page.stream().map(found::get).toList(); // nearest first, as found
        return new ForwardTrace(materialLot, lots, productionLots, cells, serials.size(), maxDepth);
    }
}
