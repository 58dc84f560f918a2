package org.pilotline.mes.kit.api;

import java.util.List;

/** One page of a list; every list in the API is paginated. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    /** Clamps a requested page size to 1..MAX_SIZE. */
    public static int size(Integer requested) {
        if (requested == null) {
            return 50;
        }
        return Math.max(1, Math.min(MAX_SIZE, requested));
    }
}
