package org.pilotline.mes.quality.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.MeasurementTaken;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;
import org.pilotline.mes.quality.domain.InspectionService;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Measurements to judge, and which lot each cell belongs to. */
@Singleton
public class EquipmentEventsHandler extends DomainEventSubscription {

    EquipmentEventsHandler(InspectionService inspection, ObjectMapper json) {
        super(Services.EQUIPMENT, json);
        on(EventTypes.Equipment.MEASUREMENT, MeasurementTaken.class, inspection::onMeasurement);
        on(EventTypes.Equipment.CELL_ASSEMBLED, CellAssembled.class, inspection::onCellAssembled);
    }
}
