package org.pilotline.mes.workorders.domain;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.SerialFormat;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.workorders.api.SerialApi.SerialBlock;
import org.pilotline.mes.workorders.persistence.LotEntity;
import org.pilotline.mes.workorders.persistence.Repositories.Lots;
import org.pilotline.mes.workorders.persistence.SerialStore;

/**
 * Hands out cell serials in blocks, so a station can label cells while it is offline. A lot may receive up to
 * twice its planned quantity (room for scrapped and re-made cells); serials are never reused.
 */
@ApplicationScoped
public class SerialService {

    static final int ALLOWANCE = 2;
    private static final EnumSet<WorkOrderState> PRODUCING = EnumSet.of(WorkOrderState.RELEASED,
            WorkOrderState.RUNNING);

    private final Lots lots;
    private final SerialStore store;
    private final AuditTrail audit;
    private final Outbox outbox;

    SerialService(Lots lots, SerialStore store, AuditTrail audit, Outbox outbox) {
        this.lots = lots;
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public SerialBlock allocate(String lotNumber, int count, String station, Actor actor) {
        LotEntity lot = lots.byNumber(lotNumber).orElseThrow(() -> ProblemException.notFound("Lot", lotNumber));
        if (!PRODUCING.contains(lot.workOrder.state) || lot.state.isDecided()) {
            throw ProblemException.conflict("lot-not-in-production", "Lot " + lotNumber + " is " + lot.state
                    + " in work order " + lot.workOrder.number + " (" + lot.workOrder.state
                    + "): serials are given only to lots of released or running work orders");
        }
        long already = store.allocatedTo(lot.id);
        long limit = (long) lot.plannedQuantity * ALLOWANCE;
        if (already + count > limit) {
            throw ProblemException.conflict("serial-allowance-exceeded", "Lot " + lotNumber + " has " + already
                    + " serials for " + lot.plannedQuantity + " planned cells; at most " + limit + " may be given");
        }
        long first = store.take(count);
        long last = first + count - 1;
        Instant now = Instant.now();
        store.recordBlock(lot.id, first, last, actor.name(), station, now);
        SerialBlock block = block(lotNumber, first, last, station, actor.name(), now, true);
        audit.record(actor, "serials.allocated", "lot", lotNumber, null,
                Map.of("first", block.first(), "last", block.last(), "count", count,
                        "station", station == null ? "" : station), null);
        outbox.publish("serials.allocated", lotNumber, Map.of("lot", lotNumber, "first", block.first(), "last",
                block.last(), "count", count, "station", station == null ? "" : station));
        return block;
    }

    @Transactional
    public List<SerialBlock> blocks(String lotNumber) {
        LotEntity lot = lots.byNumber(lotNumber).orElseThrow(() -> ProblemException.notFound("Lot", lotNumber));
        List<SerialBlock> blocks = new ArrayList<>();
        for (Object[] r : store.blocks(lot.id)) {
            blocks.add(block(lotNumber, ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[4],
                    (String) r[3], SqlValues.instant(r[2]), false));
        }
        return blocks;
    }

    private static SerialBlock block(String lot, long first, long last, String station, String by, Instant at,
            boolean withSerials) {
        int year = Year.from(at.atZone(ZoneOffset.UTC)).getValue();
        List<String> serials = new ArrayList<>();
        if (withSerials) {
            for (long n = first; n <= last; n++) {
                serials.add(SerialFormat.format(year, n));
            }
        }
        return new SerialBlock(lot, SerialFormat.format(year, first), SerialFormat.format(year, last),
                (int) (last - first + 1), station, by, at, serials);
    }
}
