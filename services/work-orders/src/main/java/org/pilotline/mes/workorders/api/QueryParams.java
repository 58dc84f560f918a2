package org.pilotline.mes.workorders.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pilotline.mes.kit.problem.ProblemException;

/** Query parameters of the list endpoints. */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * A filter that may name several values, repeated ({@code state=RELEASED&state=RUNNING}) or comma-separated; an
     * unknown value is 400 with the slug given and the values allowed.
     */
    static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> values, String slug, String what) {
        Set<E> set = EnumSet.noneOf(type);
        if (values == null) {
            return set;
        }
        for (String value : values) {
            for (String v : value.split(",")) {
                if (v.isBlank()) {
                    continue;
                }
                try {
                    set.add(Enum.valueOf(type, v.strip()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest(slug, "Unknown " + what + " " + v.strip() + "; known: "
                            + EnumSet.allOf(type));
                }
            }
        }
        return set;
    }

    /** One value of a filter, or null when absent. */
    static <E extends Enum<E>> E one(Class<E> type, String value, String slug, String what) {
        Set<E> set = enums(type, value == null ? null : List.of(value), slug, what);
        if (set.size() > 1) {
            throw ProblemException.badRequest(slug, "Give one " + what);
        }
        return set.isEmpty() ? null : set.iterator().next();
    }
}
