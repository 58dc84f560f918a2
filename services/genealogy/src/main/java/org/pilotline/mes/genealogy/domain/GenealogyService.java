package org.pilotline.mes.genealogy.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.equipment.MaterialInput;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.LotCreated;
import org.pilotline.mes.contracts.events.MaterialProduced;
import org.pilotline.mes.genealogy.api.GenealogyApi.CellView;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotView;
import org.pilotline.mes.genealogy.api.GenealogyApi.ReceiveMaterialLot;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.genealogy.persistence.GenealogyStore.MaterialLotFilter;
import org.pilotline.mes.genealogy.persistence.MaterialLotEntity;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.messaging.RejectedMessage;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds the as-built graph: material lots received or produced, cells born, and the links of what went into
 * what. Each event is applied once (inbox on the event id), with its links, quantities and audit rows together.
 */
@ApplicationScoped
public class GenealogyService {

    static final String AVAILABLE = "AVAILABLE";
    static final String ON_HOLD = "ON_HOLD";
    static final String CONSUMED = "CONSUMED";
    static final String SCRAPPED = "SCRAPPED";

    private final GenealogyStore store;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ObjectMapper json;

    GenealogyService(GenealogyStore store, Inbox inbox, AuditTrail audit, Outbox outbox, ObjectMapper json) {
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public MaterialLotView receive(ReceiveMaterialLot req, Actor actor) {
        if (store.materialLot(req.id()).isPresent()) {
            throw ProblemException.conflict("material-lot-exists", "Material lot " + req.id() + " already exists");
        }
        MaterialLotEntity lot = newLot(req.id(), req.materialType(), req.kind() == null ? "RAW" : req.kind(),
                req.quantity(), req.unit(), null, Instant.now());
        lot.supplier = req.supplier();
        lot.supplierLot = req.supplierLot();
        lot.expiresOn = req.expiresOn();
        lot.certificate = req.certificate();
        store.persist(lot);
        MaterialLotView view = view(lot);
        audit.record(actor, "material-lot.received", "material-lot", lot.id, null, view, null);
        outbox.publish(EventTypes.Genealogy.MATERIAL_LOT_CREATED, lot.id, view);
        return view;
    }

    @Transactional
    public void onMaterialProduced(String eventId, MaterialProduced e) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (store.materialLot(e.materialLot()).isPresent()) {
            throw new RejectedMessage("duplicate-material-lot", "material lot " + e.materialLot() + " already exists");
        }
        MaterialLotEntity lot = newLot(e.materialLot(), e.materialType(), "INTERMEDIATE", e.quantity(), e.unit(),
                e.equipment(), e.ts());
        store.persist(lot);
        for (MaterialInput in : e.inputs()) {
            consume(in, Actor.device(e.equipment()), e.ts());
            BigDecimal from = e.parentRange() == null ? null : e.parentRange().from();
            BigDecimal to = e.parentRange() == null ? null : e.parentRange().to();
            store.insertLink(in.materialLot(), "MATERIAL_LOT", lot.id, in.quantity(), in.unit(), from, to,
                    e.equipment(), eventId, e.ts(), null);
        }
        audit.record(Actor.device(e.equipment()), "material-lot.produced", "material-lot", lot.id, null,
                Map.of("lot", view(lot), "inputs", e.inputs()), null);
        outbox.publish(EventTypes.Genealogy.MATERIAL_LOT_CREATED, lot.id, view(lot));
    }

    @Transactional
    public void onCellAssembled(String eventId, CellAssembled e) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (store.cellExists(e.cell())) {
            throw new RejectedMessage("duplicate-cell", "cell " + e.cell() + " is already registered");
        }
        store.insertCell(e.cell(), e.lot(), e.equipment(), Json.text(json, e.parameters()), e.ts());
        for (MaterialInput in : e.inputs()) {
            consume(in, Actor.device(e.equipment()), e.ts());
            store.insertLink(in.materialLot(), "CELL", e.cell(), in.quantity(), in.unit(), null, null, e.equipment(),
                    eventId, e.ts(), e.lot());
        }
        audit.record(Actor.device(e.equipment()), "cell.registered", "cell", e.cell(), null,
                Map.of("lot", e.lot(), "inputs", e.inputs()), null);
        outbox.publish(EventTypes.Genealogy.CELL_REGISTERED, e.cell(), Map.of("cell", e.cell(), "lot", e.lot()));
    }

    @Transactional
    public void onLotCreated(String eventId, LotCreated e) {
        if (inbox.firstDelivery(eventId)) {
            store.upsertProductionLot(e.lot(), e.workOrder(), e.product());
        }
    }

    public MaterialLotView materialLot(String id) {
        return store.materialLot(id).map(GenealogyService::view)
                .orElseThrow(() -> ProblemException.notFound("Material lot", id));
    }

    public CellView cell(String serial) {
        return cellView(store.cell(serial).orElseThrow(() -> ProblemException.notFound("Cell", serial)));
    }

    /** A page of a production lot's cells by serial; 404 when neither work-orders nor a stacker named the lot. */
    @Transactional
    public Page<CellView> cellsOfLot(String lot, PageRequest page) {
        if (!store.productionLotKnown(lot)) {
            throw ProblemException.notFound("Lot", lot);
        }
        return page.result(store.cellsOfLot(lot, page.offset(), page.size()).stream().map(this::cellView).toList(),
                store.countCellsOfLot(lot));
    }

    /** Cells whose serial starts with a prefix of at least three characters (a partly read label), by serial. */
    @Transactional
    public Page<CellView> cellsBySerialPrefix(String prefix, PageRequest page) {
        if (prefix == null || prefix.strip().length() < 3) {
            throw ProblemException.badRequest("serial-prefix-too-short",
                    "Give serialPrefix with at least 3 characters");
        }
        String p = prefix.strip();
        return page.result(store.cellsBySerialPrefix(p, page.offset(), page.size()).stream().map(this::cellView)
                .toList(), store.countCellsBySerialPrefix(p));
    }

    /** Material lots, e.g. the usable lots of a material type for a picker: soonest expiry first, then oldest. */
    @Transactional
    public Page<MaterialLotView> materialLots(MaterialLotFilter filter, PageRequest page) {
        return page.result(store.materialLots(filter, page.offset(), page.size()).stream().map(r -> view(r, json))
                .toList(), store.countMaterialLots(filter));
    }

    /** A row of {@link GenealogyStore#cell}. */
    private CellView cellView(Object[] r) {
        return new CellView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[7],
                (String) r[4], (String) r[5], (String) r[10], (String) r[9], Json.map(json, (String) r[8]),
                SqlValues.instant(r[6]), Json.strings(json, (String) r[11]));
    }

    /**
     * Takes an input's quantity from its lot, at the time of the consumption. Refused, with the reason, when the lot
     * is unknown, held by quality, consumed, scrapped, past its expiry date, kept in another unit, or short.
     */
    void consume(MaterialInput in, Actor actor, Instant at) {
        MaterialLotEntity parent = store.materialLot(in.materialLot()).orElseThrow(() -> new RejectedMessage(
                "unknown-material-lot", "input material lot " + in.materialLot() + " is not known"));
        if (ON_HOLD.equals(parent.status)) { // kept in step with quality's holds by MaterialHolds and newLot
            throw new RejectedMessage("material-lot-on-hold", "input material lot " + parent.id
                    + " is on hold by quality");
        }
        if (parent.exposureExceededAt != null) {
            throw new RejectedMessage("exposure-exceeded", "input material lot " + parent.id
                    + " was exposed to air longer than its material allows (since " + parent.exposureExceededAt + ")");
        }
        if (!AVAILABLE.equals(parent.status)) {
            throw new RejectedMessage("material-lot-not-available",
                    "input material lot " + parent.id + " is " + parent.status);
        }
        java.time.LocalDate day = java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
        if (parent.expiresOn != null && parent.expiresOn.isBefore(day)) {
            throw new RejectedMessage("material-lot-expired", "input material lot " + parent.id + " expired on "
                    + parent.expiresOn);
        }
        if (!parent.unit.equals(in.unit())) {
            throw new RejectedMessage("unit-mismatch", "input " + parent.id + " is kept in " + parent.unit
                    + ", the consumption is in " + in.unit());
        }
        if (parent.quantity.compareTo(in.quantity()) < 0) {
            throw new RejectedMessage("insufficient-quantity", "input " + parent.id + " has " + parent.quantity
                    + " " + parent.unit + " on hand, the consumption takes " + in.quantity());
        }
        Map<String, Object> before = Map.of("quantity", parent.quantity, "status", parent.status);
        parent.quantity = parent.quantity.subtract(in.quantity());
        if (parent.quantity.signum() == 0) {
            parent.status = CONSUMED;
        }
        audit.record(actor, "material-lot.consumed", "material-lot", parent.id, before,
                Map.of("quantity", parent.quantity, "status", parent.status), null);
    }

    /** Quantity that did not go where a link said it went comes back to its lot (a correction). */
    void giveBack(String materialLot, BigDecimal quantity, Actor actor, String reason) {
        MaterialLotEntity lot = store.materialLot(materialLot).orElseThrow();
        Map<String, Object> before = Map.of("quantity", lot.quantity, "status", lot.status);
        lot.quantity = lot.quantity.add(quantity);
        if (CONSUMED.equals(lot.status)) {
            lot.status = store.openHolds(lot.id) > 0 ? ON_HOLD : AVAILABLE;
        }
        audit.record(actor, "material-lot.given-back", "material-lot", lot.id, before,
                Map.of("quantity", lot.quantity, "status", lot.status), reason);
    }

    /** A new lot is ON_HOLD if quality held it before it was recorded here (a hold names it before its receipt). */
    private MaterialLotEntity newLot(String id, String type, String kind, BigDecimal qty, String unit,
            String equipment, Instant at) {
        MaterialLotEntity lot = new MaterialLotEntity();
        lot.id = id;
        lot.materialType = type;
        lot.kind = kind;
        lot.quantity = qty;
        lot.receivedQuantity = qty;
        lot.unit = unit;
        lot.status = store.openHolds(id) > 0 ? ON_HOLD : AVAILABLE;
        lot.equipment = equipment;
        lot.createdAt = at;
        return lot;
    }

    /** A row of {@link GenealogyStore#materialLotRows}, read without loading the entity. */
    static MaterialLotView view(Object[] r, ObjectMapper json) {
        return new MaterialLotView((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3], (BigDecimal) r[4],
                (String) r[5], (String) r[6], (String) r[7],
                r[8] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[8],
                r[9] == null ? null : Json.map(json, (String) r[9]), (String) r[10], (String) r[11],
                SqlValues.instant(r[12]));
    }

    static MaterialLotView view(MaterialLotEntity l) {
        return new MaterialLotView(l.id, l.materialType, l.kind, l.quantity, l.receivedQuantity, l.unit, l.supplier,
                l.supplierLot, l.expiresOn, l.certificate, l.status, l.equipment, l.createdAt);
    }

    /** Distinct lots by first appearance, for trace results. */
    static <T> List<T> distinct(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> seen = new LinkedHashMap<>();
        items.forEach(i -> seen.putIfAbsent(key.apply(i), i));
        return new ArrayList<>(seen.values());
    }
}
