package org.pilotline.mes.genealogy.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.genealogy.api.GenealogyApi.RecallCell;
import org.pilotline.mes.genealogy.api.GenealogyApi.RecallScope;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.genealogy.persistence.RecallStore;
import org.pilotline.mes.kit.problem.ProblemException;

/** What a recall of some material lots has to reach: cells, production lots, intermediate lots. */
@ApplicationScoped
public class RecallService {

    /** Most lots one recall scope may name. */
    public static final int MAX_LOTS = 200;

    private final RecallStore recall;
    private final GenealogyStore store;

    RecallService(RecallStore recall, GenealogyStore store) {
        this.recall = recall;
        this.store = store;
    }

    @Transactional
    public RecallScope scope(List<String> materialLots, int offset, int limit) {
        List<String> lots = checked(materialLots);
        List<String> unknown = lots.stream().filter(l -> store.materialLot(l).isEmpty()).toList();
        if (unknown.size() == lots.size()) {
            throw ProblemException.notFound("Material lot", String.join(", ", unknown));
        }
        List<RecallCell> cells = recall.cells(lots, offset, limit).stream().map(RecallService::cell).toList();
        return new RecallScope(lots, unknown, recall.cellCount(lots), recall.lots(lots), recall.intermediates(lots),
                recall.modules(lots), cells);
    }

    /** Every affected cell, for the download: no paging. */
    @Transactional
    public List<RecallCell> allCells(List<String> materialLots) {
        return recall.cells(checked(materialLots), 0, Integer.MAX_VALUE).stream().map(RecallService::cell).toList();
    }

    private static List<String> checked(List<String> materialLots) {
        Set<String> lots = new LinkedHashSet<>(materialLots == null ? List.of() : materialLots);
        if (lots.isEmpty() || lots.size() > MAX_LOTS) {
            throw ProblemException.badRequest("bad-lots", "name 1 to " + MAX_LOTS + " material lots: ?materialLot=A"
                    + "&materialLot=B");
        }
        for (String l : lots) {
            if (!l.matches("[A-Za-z0-9_-]{1,100}")) {
                throw ProblemException.badRequest("bad-lots", "'" + l + "' is not a material lot id");
            }
        }
        return List.copyOf(lots);
    }

    private static RecallCell cell(Object[] r) {
        return new RecallCell((String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                List.of(((String) r[5]).split(" ")));
    }
}
