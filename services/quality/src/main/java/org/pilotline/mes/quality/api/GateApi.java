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

    /**
     * What an operator still has to measure for an operation of a lot: per characteristic of the plan, its sampling,
     * the cells already measured and the cells to measure next (none once the sample is complete).
     */
    public record ToMeasure(String characteristic, String name, String unit, String sampling, Integer sampleSize,
            String source, List<String> measured, List<String> next) {
    }
}
