package org.pilotline.mes.workorders.domain;

import java.util.Set;

/** Which work orders a list shows; an empty set or a null value does not narrow it. */
public record WorkOrderFilter(Set<WorkOrderState> states, String product, Stage stage) {
}
