package org.pilotline.mes.genealogy.domain;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.events.HoldChanged;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.genealogy.persistence.MaterialLotEntity;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.security.Actor;

/**
 * Quality's holds on material lots: a lot with an open hold is ON_HOLD and nothing is taken from it; when its last
 * hold is released it is AVAILABLE again. Holds on cells and production lots are kept too: a held cell is built into
 * no module. Holds are quality's (placed and released there, under signature); this
 * keeps genealogy's view of them.
 */
@ApplicationScoped
public class MaterialHolds {

    private final GenealogyStore store;
    private final Inbox inbox;
    private final AuditTrail audit;

    MaterialHolds(GenealogyStore store, Inbox inbox, AuditTrail audit) {
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
    }

    @Transactional
    public void onHoldChanged(String eventId, HoldChanged hold) {
        boolean unit = "CELL".equals(hold.itemType()) || "LOT".equals(hold.itemType());
        if (!(unit || "MATERIAL_LOT".equals(hold.itemType())) || !inbox.firstDelivery(eventId)) {
            return;
        }
        if (unit) { // a held cell, or a cell of a held lot, goes into no module
            if (hold.open()) {
                store.addUnitHold(hold.itemType(), hold.itemId(), hold.hold(), hold.reason(), hold.at());
            } else {
                store.removeUnitHold(hold.itemType(), hold.itemId(), hold.hold());
            }
            return;
        }
        boolean changed = hold.open() ? store.addHold(hold.itemId(), hold.hold(), hold.reason(), hold.at())
                : store.removeHold(hold.itemId(), hold.hold());
        MaterialLotEntity lot = store.materialLot(hold.itemId()).orElse(null);
        if (!changed || lot == null) {
            return; // a lot not received yet: its receipt looks at the holds
        }
        String before = lot.status;
        if (hold.open() && GenealogyService.AVAILABLE.equals(lot.status)) {
            lot.status = GenealogyService.ON_HOLD;
        } else if (!hold.open() && GenealogyService.ON_HOLD.equals(lot.status) && store.openHolds(lot.id) == 0) {
            lot.status = lot.quantity.signum() == 0 ? GenealogyService.CONSUMED : GenealogyService.AVAILABLE;
        }
        if (!before.equals(lot.status)) {
            audit.record(Actor.system("quality"), hold.open() ? "material-lot.held" : "material-lot.released",
                    "material-lot", lot.id, Map.of("status", before), Map.of("status", lot.status, "hold", hold.hold()),
                    hold.reason());
        }
    }
}
