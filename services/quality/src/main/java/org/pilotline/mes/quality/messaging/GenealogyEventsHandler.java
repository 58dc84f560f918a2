package org.pilotline.mes.quality.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.ExposureExceeded;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;
import org.pilotline.mes.quality.domain.EnvironmentHolds;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Material lots whose exposure clock passed its limit: quality holds them. */
@Singleton
public class GenealogyEventsHandler extends DomainEventSubscription {

    GenealogyEventsHandler(EnvironmentHolds environment, ObjectMapper json) {
        super(Services.GENEALOGY, json);
        on(EventTypes.Genealogy.EXPOSURE_EXCEEDED, ExposureExceeded.class, environment::onExposureExceeded);
    }
}
