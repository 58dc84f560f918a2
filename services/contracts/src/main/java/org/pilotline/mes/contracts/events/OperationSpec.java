package org.pilotline.mes.contracts.events;

import java.util.List;

/**
 * One operation of a released routing: where it runs (work-centre type, equipment class), who may run it
 * (qualification), the process parameters it asks for and the quality characteristics that gate it.
 */
public record OperationSpec(int sequence, String code, String name, String workCenterType, String equipmentClass,
        String qualification, List<ParameterSpec> parameters, List<CharacteristicSpec> characteristics) {
}
