package org.pilotline.mes.quality.domain;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.EnvironmentExcursion;
import org.pilotline.mes.contracts.events.ExposureExceeded;
import org.pilotline.mes.contracts.events.LotDecided;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.quality.api.HoldApi.PlaceHold;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * Holds that the atmosphere calls for: a material lot whose exposure clock passed its limit (genealogy's event), and
 * every lot still in process in the area and on the line whose dry room or glovebox left its limits (equipment's
 * excursion). Quality
 * releases them under signature once it has judged what was exposed.
 */
@ApplicationScoped
public class EnvironmentHolds {

    private final HoldService holds;
    private final QualityStore store;
    private final Inbox inbox;

    EnvironmentHolds(HoldService holds, QualityStore store, Inbox inbox) {
        this.holds = holds;
        this.store = store;
        this.inbox = inbox;
    }

    @Transactional
    public void onExposureExceeded(String eventId, ExposureExceeded e) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        String reason = String.format(Locale.ROOT, "exposure clock: %.0f min outside inert or dry atmosphere, "
                + "limit %d min for %s%s", e.exposedMinutes(), e.limitMinutes(), e.materialType(),
                e.location() == null ? "" : " (last at " + e.location() + ")");
        holds.place(new PlaceHold("MATERIAL_LOT", e.materialLot(), reason), HoldService.EXPOSURE,
                Actor.system(Services.GENEALOGY));
    }

    /**
     * The lots in process in the excursion's area and line (their cells stacked there, not yet decided); an
     * excursion without a line holds nothing here.
     */
    @Transactional
    public void onExcursionStarted(String eventId, EnvironmentExcursion e) {
        if (!inbox.firstDelivery(eventId) || e.line() == null) {
            return;
        }
        String limits = (e.lowerLimit() == null ? "" : "at least " + e.lowerLimit())
                + (e.lowerLimit() != null && e.upperLimit() != null ? ", " : "")
                + (e.upperLimit() == null ? "" : "at most " + e.upperLimit());
        String reason = String.format(Locale.ROOT, "%s %s out of limits (%s %s) since %s, worst %s: in process in "
                + "%s on line %s", e.equipment(), e.tag(), limits, e.unit() == null ? "" : e.unit(), e.startedAt(),
                e.worstValue(), e.area() == null ? "the plant" : e.area(), e.line());
        List<String> lots = store.undecidedLotsIn(e.area(), e.line());
        for (String lot : lots) {
            holds.place(new PlaceHold("LOT", lot, reason), HoldService.EXCURSION, Actor.system(Services.EQUIPMENT));
        }
    }

    @Transactional
    public void onLotDecided(String eventId, LotDecided e) {
        if (inbox.firstDelivery(eventId)) {
            store.decideLot(e.lot(), e.decision());
        }
    }
}
