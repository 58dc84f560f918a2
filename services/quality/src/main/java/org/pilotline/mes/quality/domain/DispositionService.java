package org.pilotline.mes.quality.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.rest.LotDisposition;
import org.pilotline.mes.quality.persistence.HoldEntity;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * One answer for work-orders' approval: a lot is OK only when its measurements cover its product's plan as each
 * characteristic's sampling asks (every cell, n cells, first and last), none of the latest ones failed, and no hold
 * or nonconformance is open on it or its cells. Every reason it is not OK is listed, with the lot's yield.
 */
@ApplicationScoped
public class DispositionService {

    private final QualityStore store;
    private final HoldService holds;
    private final NcrService ncrs;

    DispositionService(QualityStore store, HoldService holds, NcrService ncrs) {
        this.store = store;
        this.holds = holds;
        this.ncrs = ncrs;
    }

    @Transactional
    public LotDisposition of(String lot) {
        String product = store.productOfLot(lot).orElse(null);
        if (product == null) {
            return LotDisposition.refused(lot, "quality has no record of lot " + lot);
        }
        List<String> cells = store.cellsOfLot(lot);
        if (cells.isEmpty()) {
            return LotDisposition.refused(lot, "no cells of lot " + lot + " recorded yet");
        }
        List<Object[]> plan = store.currentPlan(product);
        Map<String, Object[]> latest = new HashMap<>(); // "cell/characteristic" -> cell, characteristic, verdict, reason
        store.latestOfLotCells(lot).forEach(r -> latest.put(r[0] + "/" + r[1], r));
        List<String> reasons = new ArrayList<>();
        Set<String> bad = new HashSet<>(); // cells that did not pass
        Set<String> unfinished = new HashSet<>(); // cells still missing a measurement every cell needs
        Set<String> lotLevel = new HashSet<>(); // characteristics measured on the whole lot
        for (Object[] m : store.lotLevelLatest(lot)) {
            lotLevel.add((String) m[0]);
            if (Judgement.FAIL.equals(m[1])) {
                reasons.add("lot " + lot + ": " + m[2]);
                bad.addAll(cells);
            }
        }
        for (HoldEntity h : holds.openOn(lot, cells)) {
            reasons.add(HoldService.describe(h));
            if ("CELL".equals(h.itemType)) {
                bad.add(h.itemId);
            }
        }
        NcrService.OpenOnLot open = ncrs.openOnLot(lot);
        reasons.addAll(open.reasons());
        bad.addAll(open.cells());
        for (Object[] characteristic : plan) {
            String code = (String) characteristic[1];
            Sampling sampling = Sampling.of(characteristic[9], characteristic[10]);
            Set<String> measured = new HashSet<>();
            for (String cell : cells) {
                Object[] m = latest.get(cell + "/" + code);
                if (m != null) {
                    measured.add(cell);
                    if (Judgement.FAIL.equals(m[2])) {
                        reasons.add("cell " + cell + ": " + m[3]);
                        bad.add(cell);
                    }
                } else if (sampling.everyCell() && !lotLevel.contains(code)) {
                    reasons.add("cell " + cell + ": " + code + " not measured");
                    unfinished.add(cell);
                }
            }
            if (!sampling.everyCell()) {
                String why = sampling.missing(code, cells, measured, lotLevel.contains(code), lot);
                if (why != null) {
                    reasons.add(why);
                }
            }
        }
        int passed = (int) cells.stream().filter(c -> !bad.contains(c) && !unfinished.contains(c)).count();
        return new LotDisposition(lot, reasons.isEmpty(), reasons, cells.size(), passed,
                Math.round(1000.0 * passed / cells.size()) / 10.0);
    }
}
