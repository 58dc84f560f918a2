package org.pilotline.mes.contracts.rest;

import java.util.List;

/**
 * quality's answer to "may this lot be approved?" (GET /api/quality/lots/{lot}/disposition): ok only when every
 * gate passed and nothing is open against it (hold or nonconformance); otherwise every reason it is not. cells: the
 * cells quality knows of the lot; cellsPassed: those measured as the plan asks with no failed latest measurement
 * and no open hold or NCR on them; yieldPct: their share.
 */
public record LotDisposition(String lot, boolean ok, List<String> reasons, int cells, int cellsPassed,
        Double yieldPct) {

    public static LotDisposition refused(String lot, String reason) {
        return new LotDisposition(lot, false, List.of(reason), 0, 0, null);
    }
}
