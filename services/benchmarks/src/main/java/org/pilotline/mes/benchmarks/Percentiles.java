package org.pilotline.mes.benchmarks;

import java.util.List;

/** The nearest-rank percentile of a sorted list. */
final class Percentiles {

    private Percentiles() {
    }

    static <T> T pick(List<T> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)));
    }
}
