package org.pilotline.mes.equipment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.EnvironmentExcursion;
import org.pilotline.mes.equipment.domain.EquipmentDirectory.EquipmentRef;
import org.pilotline.mes.equipment.persistence.EnvironmentStore;
import org.pilotline.mes.equipment.persistence.EnvironmentStore.Excursion;
import org.pilotline.mes.equipment.persistence.EnvironmentStore.Limit;
import org.pilotline.mes.equipment.persistence.ProcessDataStore.Sample;
import org.pilotline.mes.kit.outbox.Outbox;

/**
 * Watches dry-room and glovebox readings against their limits. The first reading outside opens an excursion and
 * publishes environment.excursion-started; the worst value is kept while it lasts; the first reading back inside
 * closes it and publishes environment.excursion-ended with start, end and worst value, so that quality and
 * genealogy can hold what was exposed.
 */
@ApplicationScoped
public class EnvironmentMonitor {

    private final EnvironmentStore store;
    private final EquipmentDirectory directory;
    /** equipment id -> tag -> limit; replaced whole when a limit changes. */
    private volatile Map<String, Map<String, Limit>> limits;

    EnvironmentMonitor(EnvironmentStore store, EquipmentDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** Readings of the batch that have limits, in time order; returns the events to publish. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outbox.Pending> check(List<Sample> samples) {
        Map<String, Map<String, Limit>> all = limits();
        List<Sample> watched = samples.stream()
                .filter(s -> all.getOrDefault(s.equipmentId(), Map.of()).containsKey(s.tag()))
                .sorted(Comparator.comparing(Sample::ts)).toList();
        if (watched.isEmpty()) {
            return List.of();
        }
        Set<String> equipment = watched.stream().map(Sample::equipmentId).collect(Collectors.toSet());
        Map<String, OpenExcursion> open = new HashMap<>();
        for (Excursion e : store.open(equipment)) {
            open.put(key(e.equipmentId(), e.tag()), new OpenExcursion(e));
        }
        List<Outbox.Pending> events = new ArrayList<>();
        for (Sample s : watched) {
            Limit limit = all.get(s.equipmentId()).get(s.tag());
            String key = key(s.equipmentId(), s.tag());
            OpenExcursion current = open.get(key);
            if (current != null && s.ts().isBefore(current.excursion.startedAt())) {
                continue; // a late reading from before the excursion does not end it
            }
            if (limit.violatedBy(s.value())) {
                if (current == null) {
                    long id = store.start(limit, s.ts(), s.value());
                    Excursion started = new Excursion(id, s.equipmentId(), s.tag(), limit.lower(), limit.upper(),
                            limit.unit(), s.ts(), null, s.value(), s.ts());
                    open.put(key, new OpenExcursion(started));
                    events.add(event(EventTypes.Equipment.EXCURSION_STARTED, started));
                } else if (limit.severity(s.value()) > limit.severity(current.excursion.worstValue())) {
                    current.worse(s);
                }
            } else if (current != null) {
                Excursion ended = current.endAt(s);
                store.update(ended.id(), ended.worstValue(), ended.worstAt(), ended.endedAt());
                open.remove(key);
                events.add(event(EventTypes.Equipment.EXCURSION_ENDED, ended));
            }
        }
        for (OpenExcursion e : open.values()) {
            if (e.changed) {
                store.update(e.excursion.id(), e.excursion.worstValue(), e.excursion.worstAt(), null);
            }
        }
        return events;
    }

    /** A limit changed: once that has committed, the next reading is judged by the new limits. */
    void limitsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) LimitsChanged changed) {
        limits = null;
    }

    /** Fired by a limit change; observed after it commits (a reading judged before then reloads the old limits). */
    public record LimitsChanged() {
    }

    public Map<String, Map<String, Limit>> limits() {
        Map<String, Map<String, Limit>> current = limits;
        if (current == null) {
            current = new HashMap<>();
            for (Limit l : store.limits()) {
                current.computeIfAbsent(l.equipmentId(), k -> new HashMap<>()).put(l.tag(), l);
            }
            limits = current;
        }
        return current;
    }

    private Outbox.Pending event(String type, Excursion e) {
        EquipmentRef eq = directory.find(e.equipmentId()).orElseThrow();
        return new Outbox.Pending(type, e.equipmentId(), new EnvironmentExcursion(e.id(), eq.id(),
                eq.equipmentClass(), eq.area(), eq.line(), e.tag(), e.unit(), e.lower(), e.upper(), e.startedAt(),
                e.endedAt(), e.worstValue(), e.worstAt()));
    }

    private static String key(String equipmentId, String tag) {
        return equipmentId + '\u0000' + tag;
    }

    /** An excursion being followed through the batch. */
    private static final class OpenExcursion {
        private Excursion excursion;
        private boolean changed;

        OpenExcursion(Excursion excursion) {
            this.excursion = excursion;
        }

        void worse(Sample s) {
            Excursion e = excursion;
            excursion = new Excursion(e.id(), e.equipmentId(), e.tag(), e.lower(), e.upper(), e.unit(),
                    e.startedAt(), null, s.value(), s.ts());
            changed = true;
        }

        Excursion endAt(Sample s) {
            Excursion e = excursion;
            return new Excursion(e.id(), e.equipmentId(), e.tag(), e.lower(), e.upper(), e.unit(), e.startedAt(),
                    s.ts(), e.worstValue(), e.worstAt());
        }
    }
}
