package org.pilotline.mes.genealogy.messaging;

import jakarta.inject.Singleton;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Services;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.MaterialProduced;
import org.pilotline.mes.genealogy.domain.GenealogyService;
import org.pilotline.mes.kit.messaging.DomainEventSubscription;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the graph from equipment's normalised events. */
@Singleton
public class EquipmentEventsHandler extends DomainEventSubscription {

    EquipmentEventsHandler(GenealogyService genealogy, ObjectMapper json) {
        super(Services.EQUIPMENT, json);
        on(EventTypes.Equipment.MATERIAL_PRODUCED, MaterialProduced.class, genealogy::onMaterialProduced);
        on(EventTypes.Equipment.CELL_ASSEMBLED, CellAssembled.class, genealogy::onCellAssembled);
    }
}
