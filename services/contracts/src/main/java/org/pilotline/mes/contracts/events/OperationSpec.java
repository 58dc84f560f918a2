package org.pilotline.mes.contracts.events;

import java.util.List;

/** One operation of a released routing, with the characteristics that gate it. */
public record OperationSpec(int sequence, String code, String name, List<CharacteristicSpec> characteristics) {
}
