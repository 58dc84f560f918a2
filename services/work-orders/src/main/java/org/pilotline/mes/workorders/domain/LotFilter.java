package org.pilotline.mes.workorders.domain;

import java.util.Set;

/** Which lots a list shows; an empty set or a null value does not narrow it. */
public record LotFilter(Set<LotState> states, String workOrder, String product, Stage stage) {
}
