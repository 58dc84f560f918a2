package org.pilotline.mes.quality.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.rest.LotDisposition;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * One answer for work-orders' approval: a lot is OK only when every cell of it has a passing latest measurement
 * of every characteristic in its product's plan and no hold is open on it or its cells. Every reason it is not OK
 * is listed.
 */
@ApplicationScoped
public class DispositionService {

    private final QualityStore store;
    private final HoldService holds;

    DispositionService(QualityStore store, HoldService holds) {
        this.store = store;
        this.holds = holds;
    }

    @Transactional
    public LotDisposition of(String lot) {
        String product = store.productOfLot(lot).orElse(null);
        if (product == null) {
            return new LotDisposition(lot, false, List.of("quality has no record of lot " + lot));
        }
        List<String> cells = store.cellsOfLot(lot);
        if (cells.isEmpty()) {
            return new LotDisposition(lot, false, List.of("no cells of lot " + lot + " recorded yet"));
        }
        List<Object[]> plan = store.currentPlan(product);
        Map<String, Object[]> latest = new HashMap<>(); // "cell/characteristic" -> cell, characteristic, verdict, reason
        store.latestOfLotCells(lot).forEach(r -> latest.put(r[0] + "/" + r[1], r));
        List<String> reasons = new ArrayList<>();
        holds.openOn(lot, cells).forEach(h -> reasons.add(HoldService.describe(h)));
        for (String cell : cells) {
            for (Object[] characteristic : plan) {
                String code = (String) characteristic[1];
                Object[] m = latest.get(cell + "/" + code);
                if (m == null) {
                    reasons.add("cell " + cell + ": " + code + " not measured");
                } else if (Judgement.FAIL.equals(m[2])) {
                    reasons.add("cell " + cell + ": " + m[3]);
                }
            }
        }
        return new LotDisposition(lot, reasons.isEmpty(), reasons);
    }
}
