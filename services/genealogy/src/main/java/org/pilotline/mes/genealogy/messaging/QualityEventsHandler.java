package org.pilotline.mes.genealogy.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.HoldChanged;
import org.pilotline.mes.genealogy.domain.MaterialHolds;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Quality's holds and releases of material lots. */
@Singleton
public class QualityEventsHandler extends DomainEventSubscription {

    QualityEventsHandler(MaterialHolds holds, ObjectMapper json) {
        super(Services.QUALITY, json);
        on(EventTypes.Quality.HOLD_PLACED, HoldChanged.class, holds::onHoldChanged);
        on(EventTypes.Quality.HOLD_RELEASED, HoldChanged.class, holds::onHoldChanged);
    }
}
