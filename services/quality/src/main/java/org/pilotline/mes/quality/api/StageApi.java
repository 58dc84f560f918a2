package org.pilotline.mes.quality.api;

import java.time.Instant;
import java.util.List;

/** Bodies of /stages: how capable each stage's process is. */
public final class StageApi {

    private StageApi() {
    }

    /** A characteristic of one product in the window: how many values, their mean, Cpk and Ppk (null: too few). */
    public record CharacteristicCapability(String characteristic, int n, Double mean, Double cpk, Double ppk) {
    }

    /**
     * One product (cell format) and its stage: cells measured in the window, those whose every latest measurement
     * passed, their share, and the capability of each characteristic asked for.
     */
    public record StageRow(String stage, String product, long cellsMeasured, long cellsPassed, Double yieldPct,
            List<CharacteristicCapability> characteristics) {
    }

    public record StageComparison(Instant from, Instant to, List<String> characteristics, List<StageRow> stages) {
    }
}
