package org.pilotline.mes.workorders.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.rest.EquipmentAvailability;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.workorders.api.DispatchApi.DispatchItem;
import org.pilotline.mes.workorders.api.DispatchApi.OperationWip;
import org.pilotline.mes.workorders.api.DispatchApi.StationDispatch;
import org.pilotline.mes.workorders.api.DispatchApi.StationWork;
import org.pilotline.mes.workorders.api.DispatchApi.Wip;
import org.pilotline.mes.workorders.persistence.LotEntity;
import org.pilotline.mes.workorders.persistence.OperationRunEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Lots;
import org.pilotline.mes.workorders.persistence.Repositories.OperationRuns;

/**
 * What to run next: for each lot of a released or running work order, the first operation of its routing
 * snapshot that nobody has started, once the one before it is completed. Ordered by the work order's priority,
 * then due date, then lot. A station's list also shows what is started or paused at it, and a bench where people
 * work by hand (a station of a class in {@code work-orders.dispatch.manual-at}, the dry room by default) also lists
 * the operations that need no equipment, such as material receipt.
 */
@ApplicationScoped
public class DispatchService {

    private final Lots lots;
    private final OperationRuns runs;
    private final Stations stations;
    private final Set<String> manualAt;

    DispatchService(Lots lots, OperationRuns runs, Stations stations,
            @ConfigProperty(name = "work-orders.dispatch.manual-at", defaultValue = "DRY_ROOM") Set<String> manualAt) {
        this.lots = lots;
        this.runs = runs;
        this.stations = stations;
        this.manualAt = manualAt;
    }

    /** Either filter may be null: then it does not narrow the list. */
    public List<DispatchItem> ready(String equipmentClass, String workCenterType) {
        return list(equipmentClass, workCenterType, null, false);
    }

    /**
     * A station's list: asks equipment for the station's class and availability (failing with 503 when it cannot
     * answer), then lists what is ready for that class and what is started or paused at the station.
     * ({@link #list} is transactional also when called from here: ArC intercepts self-invocation.)
     */
    public StationDispatch forStation(String station, String token) {
        // asked before the transaction: no database connection is held while equipment answers
        EquipmentAvailability a = stations.availability(station, token)
                .orElseThrow(() -> ProblemException.notFound("Station", station));
        return new StationDispatch(station, a.equipmentClass(), a.available(), a.reasons(),
                list(a.equipmentClass(), null, station, manualAt.contains(a.equipmentClass())));
    }

    @Transactional
    List<DispatchItem> list(String equipmentClass, String workCenterType, String station, boolean manualToo) {
        List<LotEntity> open = lots.list("workOrder.state in ?1 and state in ?2",
                List.of(WorkOrderState.RELEASED, WorkOrderState.RUNNING), List.of(LotState.CREATED, LotState.IN_PROCESS));
        Map<Long, List<OperationRunEntity>> runsByLot = new HashMap<>();
        if (!open.isEmpty()) {
            runs.list("lot in ?1", open).forEach(r -> runsByLot.computeIfAbsent(r.lot.id, k -> new ArrayList<>()).add(r));
        }
        List<DispatchItem> items = new ArrayList<>();
        for (LotEntity lot : open) {
            Map<String, OperationRunEntity> lotRuns = new HashMap<>();
            for (OperationRunEntity r : runsByLot.getOrDefault(lot.id, List.of())) {
                if (r.cell == null) {
                    lotRuns.put(r.operation, r);
                }
            }
            // the lot's current operation: the first of its routing it has not completed
            lot.workOrder.routingSnapshot.stream().sorted(Comparator.comparingInt(OperationSpec::sequence))
                    .filter(op -> lotRuns.get(op.code()) == null || !lotRuns.get(op.code()).is(OperationRunEntity.COMPLETED))
                    .findFirst().filter(op -> matches(op, equipmentClass, workCenterType)
                            || manualToo && op.equipmentClass() == null).ifPresent(op -> {
                        OperationRunEntity run = lotRuns.get(op.code());
                        if (run == null) {
                            items.add(item(lot, op, "READY", null));
                        } else if (station != null && station.equals(run.station)) {
                            items.add(item(lot, op, run.state, run.station));
                        }
                    });
        }
        items.sort(Comparator.comparingInt(DispatchItem::priority)
                .thenComparing(DispatchItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DispatchItem::lot));
        return items;
    }

    /**
     * The line's work in process (lots of released or running work orders, not yet finished): per operation, the lots
     * and cells started or paused at it and the lots waiting for it; per station, what runs there. {@code product}
     * null: every product.
     */
    @Transactional
    public Wip wip(String product) {
        List<LotEntity> open = lots.list("workOrder.state in ?1 and state in ?2",
                List.of(WorkOrderState.RELEASED, WorkOrderState.RUNNING), List.of(LotState.CREATED, LotState.IN_PROCESS));
        if (product != null) {
            open = open.stream().filter(l -> product.equals(l.workOrder.product.code)).toList();
        }
        List<OperationRunEntity> all = open.isEmpty() ? List.of() : runs.list("lot in ?1", open);
        return wip(open, all);
    }

    /** The grouping of {@link #wip(String)}, on what was read. */
    static Wip wip(List<LotEntity> open, List<OperationRunEntity> all) {
        Map<Long, List<OperationRunEntity>> runsByLot = new HashMap<>();
        all.forEach(r -> runsByLot.computeIfAbsent(r.lot.id, k -> new ArrayList<>()).add(r));
        Map<String, int[]> counts = new LinkedHashMap<>(); // lots in process, cells in process, lots waiting
        Map<String, OperationSpec> specs = new HashMap<>();
        Map<String, List<OperationRunEntity>> atStation = new TreeMap<>();
        for (LotEntity lot : open) {
            Map<String, OperationRunEntity> lotRuns = new HashMap<>();
            for (OperationRunEntity r : runsByLot.getOrDefault(lot.id, List.of())) {
                if (r.cell == null) {
                    lotRuns.put(r.operation, r);
                }
                if (r.is(OperationRunEntity.STARTED) || r.is(OperationRunEntity.PAUSED)) {
                    OperationSpec op = spec(lot, r.operation);
                    if (op != null) {
                        specs.merge(op.code(), op, (a, b) -> a.sequence() <= b.sequence() ? a : b);
                        counts.computeIfAbsent(op.code(), k -> new int[3])[r.cell == null ? 0 : 1]++;
                    }
                    if (r.station != null) {
                        atStation.computeIfAbsent(r.station, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            lot.workOrder.routingSnapshot.stream().sorted(Comparator.comparingInt(OperationSpec::sequence))
                    .filter(op -> lotRuns.get(op.code()) == null || !lotRuns.get(op.code()).is(OperationRunEntity.COMPLETED))
                    .findFirst().filter(op -> lotRuns.get(op.code()) == null).ifPresent(op -> {
                        specs.merge(op.code(), op, (a, b) -> a.sequence() <= b.sequence() ? a : b);
                        counts.computeIfAbsent(op.code(), k -> new int[3])[2]++;
                    });
        }
        List<OperationWip> operations = counts.entrySet().stream().map(e -> {
            OperationSpec op = specs.get(e.getKey());
            int[] c = e.getValue();
            return new OperationWip(op.code(), op.name(), op.sequence(), c[0], c[1], c[2]);
        }).sorted(Comparator.comparingInt(OperationWip::sequence).thenComparing(OperationWip::operation)).toList();
        List<StationWork> stations = atStation.entrySet().stream().map(e -> station(e.getKey(), e.getValue()))
                .toList();
        return new Wip(operations, stations);
    }

    private static StationWork station(String station, List<OperationRunEntity> runs) {
        List<OperationRunEntity> ordered = runs.stream()
                .sorted(Comparator.comparing(r -> r.startedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<String> lotsThere = ordered.stream().map(r -> r.lot.lotNumber).distinct().toList();
        List<String> cells = ordered.stream().map(r -> r.cell).filter(c -> c != null).distinct().toList();
        boolean running = ordered.stream().anyMatch(r -> r.is(OperationRunEntity.STARTED));
        return new StationWork(station, ordered.get(0).operation, lotsThere, cells.size(),
                cells.subList(0, Math.min(10, cells.size())), running ? OperationRunEntity.STARTED
                        : OperationRunEntity.PAUSED, ordered.get(0).startedAt);
    }

    private static OperationSpec spec(LotEntity lot, String code) {
        return lot.workOrder.routingSnapshot.stream().filter(op -> op.code().equals(code)).findFirst().orElse(null);
    }

    private static boolean matches(OperationSpec op, String equipmentClass, String workCenterType) {
        return (equipmentClass == null || equipmentClass.equals(op.equipmentClass()))
                && (workCenterType == null || workCenterType.equals(op.workCenterType()));
    }

    private static DispatchItem item(LotEntity lot, OperationSpec op, String state, String station) {
        return new DispatchItem(lot.lotNumber, lot.workOrder.number, lot.workOrder.product.code,
                lot.workOrder.priority, lot.workOrder.dueDate, op.sequence(), op.code(), op.name(),
                op.workCenterType(), op.equipmentClass(), op.qualification(), lot.plannedQuantity, state, station);
    }
}
