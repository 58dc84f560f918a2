package org.pilotline.mes.quality.api;

import java.util.List;

import org.pilotline.mes.contracts.rest.Reason;

/** Bodies of /lots/{lot}/gates. */
public final class GateApi {

    private GateApi() {
    }

    /** status: PASS, FAIL or PENDING; cell null: the gate of the whole lot. */
    public record GateView(String lot, String cell, String operation, String status, List<Reason> reasons) {
    }
}
