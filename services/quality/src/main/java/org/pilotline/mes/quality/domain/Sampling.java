package org.pilotline.mes.quality.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a plan's sampling asks of a lot for one characteristic: every cell, n cells of the lot, or its first and last
 * cell (by serial: work-orders numbers a lot's cells in order). A lot-level measurement answers for every cell.
 */
record Sampling(String kind, Integer size) {

    static Sampling of(Object kind, Object size) {
        return new Sampling(kind == null ? "EVERY_CELL" : (String) kind, size == null ? null : ((Number) size).intValue());
    }

    boolean everyCell() {
        return "EVERY_CELL".equals(kind);
    }

    /**
     * For PER_LOT and FIRST_LAST sampling of a whole lot: why its measurements do not yet cover the characteristic,
     * or null when they do (a lot-level measurement covers it).
     *
     * @param cells the lot's cells, in serial order
     * @param measured the cells with a latest measurement of it
     */
    String missing(String code, List<String> cells, Set<String> measured, boolean lotMeasured, String lot) {
        if (lotMeasured) {
            return null;
        }
        if (cells.isEmpty()) {
            return code + " not measured on lot " + lot;
        }
        if ("PER_LOT".equals(kind)) {
            int n = Math.min(size == null ? 1 : size, cells.size());
            long have = cells.stream().filter(measured::contains).count();
            return have >= n ? null : code + " measured on " + have + " of the " + n + " cells sampled per lot";
        }
        Set<String> ends = new TreeSet<>(List.of(cells.get(0), cells.get(cells.size() - 1)));
        List<String> out = ends.stream().filter(c -> !measured.contains(c)).toList();
        return out.isEmpty() ? null : code + " not measured on the lot's first and last cell (" + String.join(", ", out)
                + ")";
    }

    /** The cells to measure next, in serial order, for the sampling to be covered; none once it is. */
    List<String> next(List<String> cells, Set<String> measured, boolean lotMeasured) {
        if (lotMeasured) {
            return List.of();
        }
        return switch (kind) {
            case "PER_LOT" -> {
                int n = Math.min(size == null ? 1 : size, cells.size());
                long have = cells.stream().filter(measured::contains).count();
                yield cells.stream().filter(c -> !measured.contains(c)).limit(Math.max(0, n - have)).toList();
            }
            case "FIRST_LAST" -> cells.isEmpty() ? List.of()
                    : new TreeSet<>(List.of(cells.get(0), cells.get(cells.size() - 1))).stream()
                            .filter(c -> !measured.contains(c)).toList();
            default -> cells.stream().filter(c -> !measured.contains(c)).toList();
        };
    }
}
