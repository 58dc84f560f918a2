package org.pilotline.mes.quality.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.EnvironmentExcursion;
import org.pilotline.mes.contracts.events.MeasurementTaken;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;
import org.pilotline.mes.quality.domain.EnvironmentHolds;
import org.pilotline.mes.quality.domain.InspectionService;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Measurements to judge, which lot and line each cell belongs to, and excursions that hold lots in process. */
@Singleton
public class EquipmentEventsHandler extends DomainEventSubscription {

    EquipmentEventsHandler(InspectionService inspection, EnvironmentHolds environment, ObjectMapper json) {
        super(Services.EQUIPMENT, json);
        on(EventTypes.Equipment.MEASUREMENT, MeasurementTaken.class, inspection::onMeasurement);
        on(EventTypes.Equipment.CELL_ASSEMBLED, CellAssembled.class, inspection::onCellAssembled);
        on(EventTypes.Equipment.EXCURSION_STARTED, EnvironmentExcursion.class, environment::onExcursionStarted);
    }
}
