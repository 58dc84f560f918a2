package org.pilotline.mes.workorders.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.workorders.api.DispatchApi.DispatchItem;
import org.pilotline.mes.workorders.persistence.LotEntity;
import org.pilotline.mes.workorders.persistence.OperationRunEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Lots;
import org.pilotline.mes.workorders.persistence.Repositories.OperationRuns;

/**
 * What to run next: for each lot of a released or running work order, the first operation of its routing
 * snapshot that nobody has started, once the one before it is completed. Ordered by the work order's priority,
 * then due date, then lot.
 */
@ApplicationScoped
public class DispatchService {

    private final Lots lots;
    private final OperationRuns runs;

    DispatchService(Lots lots, OperationRuns runs) {
        this.lots = lots;
        this.runs = runs;
    }

    /** Either filter may be null: then it does not narrow the list. */
    @Transactional
    public List<DispatchItem> ready(String equipmentClass, String workCenterType) {
        List<LotEntity> open = lots.list("workOrder.state in ?1 and state in ?2",
                List.of(WorkOrderState.RELEASED, WorkOrderState.RUNNING), List.of(LotState.CREATED, LotState.IN_PROCESS));
        Map<Long, List<OperationRunEntity>> runsByLot = new HashMap<>();
        if (!open.isEmpty()) {
            runs.list("lot in ?1", open).forEach(r -> runsByLot.computeIfAbsent(r.lot.id, k -> new ArrayList<>()).add(r));
        }
        List<DispatchItem> items = new ArrayList<>();
        for (LotEntity lot : open) {
            Set<String> started = new HashSet<>();
            Set<String> completed = new HashSet<>();
            for (OperationRunEntity r : runsByLot.getOrDefault(lot.id, List.of())) {
                started.add(r.operation);
                if (OperationRunEntity.COMPLETED.equals(r.state)) {
                    completed.add(r.operation);
                }
            }
            OperationSpec previous = null;
            for (OperationSpec op : lot.workOrder.routingSnapshot.stream()
                    .sorted(Comparator.comparingInt(OperationSpec::sequence)).toList()) {
                if (!started.contains(op.code())) {
                    if ((previous == null || completed.contains(previous.code())) && matches(op, equipmentClass,
                            workCenterType)) {
                        items.add(item(lot, op));
                    }
                    break;
                }
                previous = op;
            }
        }
        items.sort(Comparator.comparingInt(DispatchItem::priority)
                .thenComparing(DispatchItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DispatchItem::lot));
        return items;
    }

    private static boolean matches(OperationSpec op, String equipmentClass, String workCenterType) {
        return (equipmentClass == null || equipmentClass.equals(op.equipmentClass()))
                && (workCenterType == null || workCenterType.equals(op.workCenterType()));
    }

    private static DispatchItem item(LotEntity lot, OperationSpec op) {
        return new DispatchItem(lot.lotNumber, lot.workOrder.number, lot.workOrder.product.code,
                lot.workOrder.priority, lot.workOrder.dueDate, op.sequence(), op.code(), op.name(),
                op.workCenterType(), op.equipmentClass(), op.qualification(), lot.plannedQuantity);
    }
}
