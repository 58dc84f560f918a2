package org.pilotline.mes.genealogy.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.EnvironmentExcursion;
import org.pilotline.mes.contracts.events.MaterialConsumed;
import org.pilotline.mes.contracts.events.MaterialProduced;
import org.pilotline.mes.contracts.events.UnitProgress;
import org.pilotline.mes.genealogy.domain.CellProgress;
import org.pilotline.mes.genealogy.domain.ConsumptionRefusals;
import org.pilotline.mes.genealogy.domain.ConsumptionService;
import org.pilotline.mes.genealogy.domain.ExposureClocks;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the graph from equipment's normalised events; a refused consumption is announced, then dead-lettered. */
@Singleton
public class EquipmentEventsHandler extends DomainEventSubscription {

    EquipmentEventsHandler(GenealogyService genealogy, ConsumptionService consumption, ConsumptionRefusals refusals,
            ExposureClocks exposure, CellProgress cells, ObjectMapper json) {
        super(Services.EQUIPMENT, json);
        on(EventTypes.Equipment.MATERIAL_PRODUCED, MaterialProduced.class, refusals.announcing(
                EventTypes.Equipment.MATERIAL_PRODUCED, MaterialProduced::materialLot, genealogy::onMaterialProduced));
        on(EventTypes.Equipment.CELL_ASSEMBLED, CellAssembled.class, refusals.announcing(
                EventTypes.Equipment.CELL_ASSEMBLED, CellAssembled::cell, genealogy::onCellAssembled));
        on(EventTypes.Equipment.MATERIAL_CONSUMED, MaterialConsumed.class, refusals.announcing(
                EventTypes.Equipment.MATERIAL_CONSUMED, MaterialConsumed::materialLot, consumption::onMaterialConsumed));
        on(EventTypes.Equipment.UNIT_STARTED, UnitProgress.class, cells::onUnitStarted);
        on(EventTypes.Equipment.UNIT_COMPLETED, UnitProgress.class, cells::onUnitCompleted);
        on(EventTypes.Equipment.EXCURSION_STARTED, EnvironmentExcursion.class, exposure::onExcursion);
        on(EventTypes.Equipment.EXCURSION_ENDED, EnvironmentExcursion.class, exposure::onExcursion);
    }
}
