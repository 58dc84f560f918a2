package org.pilotline.mes.workorders.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.UnitProgress;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;
import org.pilotline.mes.workorders.domain.ExecutionService;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Completions reported by equipment count as operators' completions. */
@Singleton
public class EquipmentEventsHandler extends DomainEventSubscription {

    EquipmentEventsHandler(ExecutionService execution, ObjectMapper json) {
        super(Services.EQUIPMENT, json);
        on(EventTypes.Equipment.UNIT_COMPLETED, UnitProgress.class, execution::onUnitCompleted);
    }
}
