package org.pilotline.mes.equipment.domain;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.Topics.Channel;
import org.pilotline.mes.contracts.Topics.EquipmentTopic;
import org.pilotline.mes.contracts.equipment.AlarmMessage;
import org.pilotline.mes.contracts.equipment.DataMessage;
import org.pilotline.mes.contracts.equipment.EquipmentEvent;
import org.pilotline.mes.contracts.equipment.StateMessage;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.EquipmentStateChanged;
import org.pilotline.mes.contracts.events.MaterialConsumed;
import org.pilotline.mes.contracts.events.MaterialProduced;
import org.pilotline.mes.contracts.events.MeasurementTaken;
import org.pilotline.mes.contracts.events.UnitProgress;
import org.pilotline.mes.equipment.persistence.AlarmStore;
import org.pilotline.mes.equipment.persistence.EquipmentEntity;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.kit.messaging.RejectedMessage;
import org.pilotline.mes.kit.outbox.Outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Takes one equipment message: checks sender and payload, stores it once, and turns what the rest of the MES
 * needs into normalised domain events (outbox, same transaction).
 */
@ApplicationScoped
public class IngestService {

    private final EquipmentRepository equipment;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final AlarmStore alarms;

    IngestService(EquipmentRepository equipment, Outbox outbox, ObjectMapper json, AlarmStore alarms) {
        this.equipment = equipment;
        this.alarms = alarms;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public void ingest(EquipmentTopic topic, byte[] payload) {
        EquipmentEntity eq = equipment.findByIdOptional(topic.equipmentId()).orElseThrow(() -> new RejectedMessage(
                "unknown-equipment", "equipment " + topic.equipmentId() + " is not registered"));
        if (!eq.site.equals(topic.site()) || !eq.area.equals(topic.area()) || !eq.line.equals(topic.line())) {
            throw new RejectedMessage("topic-mismatch", "equipment " + eq.id + " is registered at " + eq.site + "/"
                    + eq.area + "/" + eq.line + ", not " + topic.site() + "/" + topic.area() + "/" + topic.line());
        }
        JsonNode tree = parse(payload);
        switch (topic.channel()) {
            case STATE -> state(eq, read(tree, StateMessage.class), tree);
            case ALARM -> alarm(eq, read(tree, AlarmMessage.class), tree);
            case DATA -> data(eq, read(tree, DataMessage.class), tree);
            case EVENT -> event(eq, read(tree, EquipmentEvent.class), tree);
        }
    }

    private void state(EquipmentEntity eq, StateMessage m, JsonNode tree) {
        envelope(m.eventId(), m.ts());
        if (m.state() == null || !PackMl.STATES.contains(m.state())) {
            throw new RejectedMessage("malformed", "state '" + m.state() + "' is not a PackML state");
        }
        if (m.mode() == null || !PackMl.MODES.contains(m.mode())) {
            throw new RejectedMessage("malformed", "mode '" + m.mode() + "' is not PRODUCTION, MAINTENANCE or MANUAL");
        }
        if (!equipment.storeMessageOnce(eq.id, m.eventId(), Channel.STATE.topicName(), m.ts(), tree.toString())) {
            return;
        }
        equipment.appendState(eq.id, m.state(), m.mode(), m.ts(), m.eventId());
        if (eq.stateSince == null || !m.ts().isBefore(eq.stateSince)) { // a late message is history, not "now"
            String previous = eq.currentState;
            eq.currentState = m.state();
            eq.currentMode = m.mode();
            eq.stateSince = m.ts();
            outbox.publish(EventTypes.Equipment.STATE_CHANGED, eq.id,
                    new EquipmentStateChanged(eq.id, m.state(), m.mode(), previous, m.ts()));
        }
    }

    private void alarm(EquipmentEntity eq, AlarmMessage m, JsonNode tree) {
        envelope(m.eventId(), m.ts());
        if (m.code() == null || m.code().isBlank() || m.active() == null
                || m.severity() == null || !PackMl.SEVERITIES.contains(m.severity())) {
            throw new RejectedMessage("malformed", "alarm needs code, severity (INFO, WARNING, CRITICAL) and active");
        }
        if (!equipment.storeMessageOnce(eq.id, m.eventId(), Channel.ALARM.topicName(), m.ts(), tree.toString())) {
            return;
        }
        if (m.active()) {
            alarms.raise(eq.id, m.code(), m.severity(), m.text(), m.ts(), m.eventId());
        } else {
            alarms.clear(eq.id, m.code(), m.ts(), m.eventId());
        }
    }

    private void data(EquipmentEntity eq, DataMessage m, JsonNode tree) {
        envelope(m.eventId(), m.ts());
        if (m.values() == null || m.values().isEmpty() || m.values().values().stream().anyMatch(v -> v == null)) {
            throw new RejectedMessage("malformed", "data needs values: a map of tag to number");
        }
        equipment.storeMessageOnce(eq.id, m.eventId(), Channel.DATA.topicName(), m.ts(), tree.toString());
    }

    private void event(EquipmentEntity eq, EquipmentEvent e, JsonNode tree) {
        envelope(e.eventId(), e.ts());
        if (e.type() == null) {
            throw new RejectedMessage("malformed", "event without type");
        }
        EventValidation.check(e);
        if (!equipment.storeMessageOnce(eq.id, e.eventId(), Channel.EVENT.topicName(), e.ts(), tree.toString())) {
            return;
        }
        Map<String, Object> params = e.parameters() == null ? Map.of() : e.parameters();
        switch (e.type()) {
            case "cell.assembled" -> outbox.publish(EventTypes.Equipment.CELL_ASSEMBLED, e.cell(),
                    new CellAssembled(eq.id, eq.line, e.cell(), e.lot(), e.inputs(), params, e.ts()));
            case "material.produced" -> outbox.publish(EventTypes.Equipment.MATERIAL_PRODUCED, e.materialLot(),
                    new MaterialProduced(eq.id, eq.line, e.materialLot(), e.materialType(), e.quantity(), e.unit(),
                            e.inputs(), e.parentRange(), e.ts()));
            case "material.consumed" -> outbox.publish(EventTypes.Equipment.MATERIAL_CONSUMED, e.materialLot(),
                    new MaterialConsumed(eq.id, e.materialLot(), e.quantity(), e.unit(), e.lot(), e.cell(), e.ts()));
            case "unit.started", "unit.completed" -> outbox.publish(e.type(), e.cell() != null ? e.cell() : e.lot(),
                    new UnitProgress(eq.id, e.operation(), e.lot(), e.cell(), params, e.ts()));
            case "measurement" -> outbox.publish(EventTypes.Equipment.MEASUREMENT,
                    e.cell() != null ? e.cell() : e.lot() != null ? e.lot() : e.materialLot(),
                    new MeasurementTaken(eq.id, e.characteristic(), e.value(), e.unit(), e.cell(), e.lot(),
                            e.materialLot(), e.ts()));
            default -> throw new IllegalStateException("validated type " + e.type());
        }
    }

    private static void envelope(String eventId, Instant ts) {
        if (eventId == null || eventId.isBlank() || eventId.length() > 200) {
            throw new RejectedMessage("malformed", "eventId missing or longer than 200 characters");
        }
        if (ts == null) {
            throw new RejectedMessage("malformed", "ts missing");
        }
    }

    private JsonNode parse(byte[] payload) {
        try {
            JsonNode tree = json.readTree(payload);
            if (tree == null || !tree.isObject()) {
                throw new RejectedMessage("malformed", "payload is not a JSON object");
            }
            return tree;
        } catch (java.io.IOException e) {
            throw new RejectedMessage("malformed", "payload is not JSON: " + e.getMessage());
        }
    }

    private <T> T read(JsonNode tree, Class<T> type) {
        try {
            return json.treeToValue(tree, type);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new RejectedMessage("malformed", "payload does not fit the " + type.getSimpleName()
                    + " contract: " + e.getMessage().split("\n")[0]);
        }
    }
}
