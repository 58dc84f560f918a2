package org.pilotline.mes.equipment.domain;

import java.time.Instant;

import org.pilotline.mes.contracts.Topics.Channel;
import org.pilotline.mes.equipment.domain.EquipmentDirectory.EquipmentRef;

/**
 * One equipment message, checked and in the MES's own terms, whether it came as JSON on the v1 topics or as
 * Sparkplug B. {@code body} is the channel's contract record (StateMessage, AlarmMessage, DataMessage,
 * EquipmentEvent); {@code payload} is the text kept as the record of what was said (null for data, whose values
 * are stored as process values).
 */
public record Inbound(EquipmentRef equipment, Channel channel, String eventId, Instant ts, String payload,
        Object body) {
}
