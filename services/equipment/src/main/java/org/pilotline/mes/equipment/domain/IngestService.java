package org.pilotline.mes.equipment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.equipment.AlarmMessage;
import org.pilotline.mes.contracts.equipment.DataContext;
import org.pilotline.mes.contracts.equipment.DataMessage;
import org.pilotline.mes.contracts.equipment.EquipmentEvent;
import org.pilotline.mes.contracts.equipment.StateMessage;
import org.pilotline.mes.contracts.events.CellAssembled;
import org.pilotline.mes.contracts.events.EquipmentAlarm;
import org.pilotline.mes.contracts.events.EquipmentStateChanged;
import org.pilotline.mes.contracts.events.MaterialConsumed;
import org.pilotline.mes.contracts.events.MaterialProduced;
import org.pilotline.mes.contracts.events.MeasurementTaken;
import org.pilotline.mes.contracts.events.UnitProgress;
import org.pilotline.mes.equipment.domain.EquipmentDirectory.EquipmentRef;
import org.pilotline.mes.equipment.persistence.AlarmStore;
import org.pilotline.mes.equipment.persistence.MessageLog;
import org.pilotline.mes.equipment.persistence.ProcessDataStore;
import org.pilotline.mes.equipment.persistence.ProcessDataStore.Sample;
import org.pilotline.mes.equipment.persistence.SparkplugMetricStore;
import org.pilotline.mes.equipment.persistence.SparkplugMetricStore.Definition;
import org.pilotline.mes.equipment.persistence.StateStore;
import org.pilotline.mes.equipment.persistence.StateStore.StateRow;
import org.pilotline.mes.equipment.persistence.UnitCountStore;
import org.pilotline.mes.equipment.persistence.UnitCountStore.UnitCount;
import org.pilotline.mes.kit.outbox.Outbox;

/**
 * Applies checked equipment messages, a batch in one transaction: each message once (a redelivery is recognised
 * by equipment and eventId and changes nothing), states, alarms, process values and unit counts stored with one
 * statement per kind, environment limits watched, and the normalised events for the rest of the MES written to
 * the outbox in the same transaction.
 */
@ApplicationScoped
public class IngestService {

    /** Results a machine may give a unit it completes that make it scrap, not good. */
    private static final Set<String> SCRAP_RESULTS = Set.of("NG", "SCRAP", "FAIL", "REJECT");

    private final MessageLog log;
    private final StateStore states;
    private final AlarmStore alarms;
    private final ProcessDataStore processData;
    private final UnitCountStore units;
    private final EnvironmentMonitor environment;
    private final Outbox outbox;
    private final SparkplugMetricStore sparkplugMetrics;

    IngestService(MessageLog log, StateStore states, AlarmStore alarms, ProcessDataStore processData,
            UnitCountStore units, EnvironmentMonitor environment, Outbox outbox,
            SparkplugMetricStore sparkplugMetrics) {
        this.sparkplugMetrics = sparkplugMetrics;
        this.log = log;
        this.states = states;
        this.alarms = alarms;
        this.processData = processData;
        this.units = units;
        this.environment = environment;
        this.outbox = outbox;
    }

    @Transactional
    public void ingest(List<Inbound> messages) {
        apply(messages);
    }

    /**
     * Sparkplug messages in arrival order: what they say, and the deaths among them, which mark values stale at
     * their place in the order (a birth after a death makes them fresh again); and what the births declared.
     */
    @Transactional
    public void ingestSparkplug(List<SparkplugDecoder.Decoded> decoded, List<Definition> declared) {
        List<Inbound> pending = new ArrayList<>();
        for (SparkplugDecoder.Decoded d : decoded) {
            pending.addAll(d.messages());
            if (!d.stale().isEmpty()) {
                apply(pending);
                pending.clear();
                processData.markStale(d.stale());
            }
        }
        apply(pending);
        sparkplugMetrics.save(declared);
    }

    private void apply(List<Inbound> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Inbound> fresh = firstDeliveries(messages);
        List<StateRow> stateRows = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        List<UnitCount> counts = new ArrayList<>();
        List<Outbox.Pending> events = new ArrayList<>();
        for (Inbound m : fresh) {
            EquipmentRef eq = m.equipment();
            switch (m.channel()) {
                case STATE -> {
                    StateMessage s = (StateMessage) m.body();
                    stateRows.add(new StateRow(eq.id(), s.state(), s.mode(), m.ts(), m.eventId()));
                }
                case ALARM -> alarm(eq, (AlarmMessage) m.body(), m, events);
                case DATA -> samples(eq, (DataMessage) m.body(), m, samples);
                case EVENT -> event(eq, (EquipmentEvent) m.body(), events, counts);
            }
        }
        states.append(stateRows);
        for (StateRow s : stateRows) {
            states.advance(s).ifPresent(previous -> events.add(new Outbox.Pending(EventTypes.Equipment.STATE_CHANGED,
                    s.equipmentId(), new EquipmentStateChanged(s.equipmentId(), s.state(), s.mode(),
                            previous.isEmpty() ? null : previous, s.ts()))));
        }
        processData.insert(samples);
        units.insert(counts);
        events.addAll(environment.check(samples));
        outbox.publishAll(events);
    }

    /** The messages not taken before, each once even if the batch holds it twice. */
    private List<Inbound> firstDeliveries(List<Inbound> messages) {
        List<MessageLog.Entry> entries = new ArrayList<>();
        List<Inbound> candidates = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (Inbound m : messages) {
            MessageLog.Entry e = new MessageLog.Entry(m.equipment().id(), m.eventId(), m.channel().topicName(),
                    m.ts(), m.payload());
            if (inBatch.add(e.key())) {
                entries.add(e);
                candidates.add(m);
            }
        }
        Set<String> stored = log.storeNew(entries);
        List<Inbound> fresh = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (stored.contains(entries.get(i).key())) {
                fresh.add(candidates.get(i));
            }
        }
        return fresh;
    }

    /**
     * Raises or clears the occurrence and, when it changed, announces it ({@code alarm.raised}, {@code alarm.cleared})
     * so screens show it at once; a repeated raise or a clear of nothing announces nothing.
     */
    private void alarm(EquipmentRef eq, AlarmMessage a, Inbound m, List<Outbox.Pending> events) {
        if (a.active()) {
            if (alarms.raise(eq.id(), a.code(), a.severity(), a.text(), m.ts(), m.eventId())) {
                events.add(new Outbox.Pending(EventTypes.Equipment.ALARM_RAISED, eq.id(),
                        new EquipmentAlarm(eq.id(), a.code(), a.severity(), a.text(), true, m.ts())));
            }
        } else if (alarms.clear(eq.id(), a.code(), m.ts(), m.eventId())) {
            events.add(new Outbox.Pending(EventTypes.Equipment.ALARM_CLEARED, eq.id(),
                    new EquipmentAlarm(eq.id(), a.code(), null, null, false, m.ts())));
        }
    }

    private static void samples(EquipmentRef eq, DataMessage d, Inbound m, List<Sample> samples) {
        DataContext ctx = d.context() == null ? new DataContext(null, null, null) : d.context();
        d.values().forEach((tag, value) -> samples.add(
                new Sample(eq.id(), tag, m.ts(), value, ctx.lot(), ctx.cell(), ctx.materialLot())));
    }

    private static void event(EquipmentRef eq, EquipmentEvent e, List<Outbox.Pending> events,
            List<UnitCount> counts) {
        Map<String, Object> params = e.parameters() == null ? Map.of() : e.parameters();
        events.add(switch (e.type()) {
            case "cell.assembled" -> new Outbox.Pending(EventTypes.Equipment.CELL_ASSEMBLED, e.cell(),
                    new CellAssembled(eq.id(), eq.area(), eq.line(), e.cell(), e.lot(), e.inputs(), params, e.ts()));
            case "material.produced" -> new Outbox.Pending(EventTypes.Equipment.MATERIAL_PRODUCED, e.materialLot(),
                    new MaterialProduced(eq.id(), eq.line(), e.materialLot(), e.materialType(), e.quantity(),
                            e.unit(), e.inputs(), e.parentRange(), e.ts()));
            case "material.consumed" -> new Outbox.Pending(EventTypes.Equipment.MATERIAL_CONSUMED, e.materialLot(),
                    new MaterialConsumed(eq.id(), e.materialLot(), e.quantity(), e.unit(), e.lot(), e.cell(),
                            e.ts()));
            case "unit.started", "unit.completed" -> new Outbox.Pending(e.type(),
                    e.cell() != null ? e.cell() : e.lot(),
                    new UnitProgress(eq.id(), e.operation(), e.lot(), e.cell(), params, e.ts()));
            case "measurement" -> new Outbox.Pending(EventTypes.Equipment.MEASUREMENT,
                    e.cell() != null ? e.cell() : e.lot() != null ? e.lot() : e.materialLot(),
                    new MeasurementTaken(eq.id(), e.characteristic(), e.value(), e.unit(), e.cell(), e.lot(),
                            e.materialLot(), e.ts()));
            default -> throw new IllegalStateException("validated type " + e.type());
        });
        if ("unit.completed".equals(e.type())) {
            counts.add(unitCount(eq, e, params));
        }
    }

    /**
     * A cell counts as one unit, scrap if the machine's result says so; a lot counts what its parameters
     * {@code good} and {@code scrap} say (checked by {@link EventValidation}).
     */
    private static UnitCount unitCount(EquipmentRef eq, EquipmentEvent e, Map<String, Object> params) {
        int good;
        int scrap;
        if (e.cell() != null) {
            boolean bad = params.get("result") instanceof String r && SCRAP_RESULTS.contains(r.toUpperCase());
            good = bad ? 0 : 1;
            scrap = bad ? 1 : 0;
        } else {
            good = count(params.get("good"));
            scrap = count(params.get("scrap"));
        }
        return new UnitCount(eq.id(), e.ts(), e.operation(), good, scrap, e.lot(), e.cell());
    }

    private static int count(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()).intValueExact() : 0;
    }
}
