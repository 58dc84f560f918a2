package org.pilotline.mes.genealogy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pilotline.mes.genealogy.api.GenealogyApi.AsBuiltRecord;
import org.pilotline.mes.genealogy.api.GenealogyApi.BackwardTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.CellView;
import org.pilotline.mes.genealogy.api.GenealogyApi.OperationRecord;
import org.pilotline.mes.genealogy.api.GenealogyApi.OperationRun;
import org.pilotline.mes.genealogy.api.GenealogyApi.Passport;
import org.pilotline.mes.genealogy.api.GenealogyApi.PassportMaterial;
import org.pilotline.mes.genealogy.api.GenealogyApi.Place;
import org.pilotline.mes.genealogy.api.GenealogyApi.StepRecord;
import org.pilotline.mes.genealogy.api.GenealogyApi.TraceStep;
import org.pilotline.mes.genealogy.client.EquipmentClient.Conditions;
import org.pilotline.mes.genealogy.client.EquipmentClient.Machine;
import org.pilotline.mes.genealogy.client.EquipmentRecords;
import org.jboss.logging.Logger;

/**
 * A cell's as-built record and its battery passport data: the backward trace with its process context, and the
 * atmosphere around each machine at the time, read from equipment. What equipment cannot tell (down, slow, a machine
 * it does not know) is listed as a gap in the record, never left out silently.
 */
@ApplicationScoped
public class AsBuiltRecords {

    private static final Logger LOG = Logger.getLogger(AsBuiltRecords.class);
    /** Most environment lookups one record makes; a cell has a few dozen steps. */
    static final int MAX_LOOKUPS = 200;

    private final TraceService trace;
    private final EquipmentRecords equipment;
    private final String manufacturer;
    private final String facility;

    AsBuiltRecords(TraceService trace, EquipmentRecords equipment,
            @ConfigProperty(name = "genealogy.passport.manufacturer") String manufacturer,
            @ConfigProperty(name = "genealogy.passport.facility") String facility) {
        this.trace = trace;
        this.equipment = equipment;
        this.manufacturer = manufacturer;
        this.facility = facility;
    }

    public AsBuiltRecord record(String serial, String bearerToken) {
        BackwardTrace t = trace.backward(serial);
        Lookups lookups = new Lookups(bearerToken);
        CellView cell = t.cell();
        List<StepRecord> steps = new ArrayList<>();
        for (TraceStep s : t.steps()) {
            steps.add(new StepRecord(s, s.equipment() == null ? null : lookups.conditions(s.equipment(), s.at())));
        }
        List<OperationRecord> operations = new ArrayList<>();
        for (OperationRun run : t.operations()) {
            Instant at = run.startedAt() != null ? run.startedAt() : run.completedAt();
            operations.add(new OperationRecord(run, lookups.conditions(run.equipment(), at)));
        }
        Conditions birth = lookups.conditions(cell.equipment(), cell.createdAt());
        Place place = lookups.place(cell.equipment());
        return new AsBuiltRecord(cell, place, birth, steps, t.rawMaterials(), operations, t.corrections(),
                lookups.gaps(), Instant.now());
    }

    public Passport passport(String serial, String bearerToken) {
        BackwardTrace t = trace.backward(serial);
        Lookups lookups = new Lookups(bearerToken);
        CellView cell = t.cell();
        List<PassportMaterial> materials = t.rawMaterials().stream().map(m -> new PassportMaterial(m.materialType(),
                m.id(), m.supplier(), m.supplierLot(), m.certificate())).toList();
        return new Passport(cell.serial(), cell.product(), cell.stage(), cell.status(), cell.lot(), cell.workOrder(),
                LocalDate.ofInstant(cell.createdAt(), ZoneOffset.UTC), cell.createdAt(), lookups.place(cell.equipment()),
                materials, lookups.gaps(), Instant.now());
    }

    /** Equipment lookups of one record: each (machine, time) asked once; failures become gaps. */
    private final class Lookups {
        private final String token;
        private final Map<String, Conditions> seen = new HashMap<>();
        private final List<String> gaps = new ArrayList<>();
        private int asked;
        private boolean environmentFailed;

        Lookups(String token) {
            this.token = token;
        }

        Conditions conditions(String machine, Instant at) {
            if (machine == null || at == null) {
                return null;
            }
            String key = machine + "@" + at;
            if (seen.containsKey(key)) {
                return seen.get(key);
            }
            Conditions c = null;
            if (environmentFailed) {
                c = null; // one failure is enough to know: the rest would wait for the same timeout
            } else if (asked++ >= MAX_LOOKUPS) {
                gap("environment readings: only the first " + MAX_LOOKUPS + " machine/time pairs were read");
            } else {
                try {
                    c = equipment.conditions(machine, at, token);
                } catch (RuntimeException e) {
                    LOG.warnf("environment of %s at %s not read: %s", machine, at, e.toString());
                    environmentFailed = true;
                    gap("environment readings: the equipment service did not answer (" + e.getClass().getSimpleName()
                            + "); the record has none");
                }
            }
            seen.put(key, c);
            return c;
        }

        Place place(String machine) {
            try {
                Machine m = equipment.machine(machine, token);
                return new Place(manufacturer, facility, m.site(), m.area(), m.line(), m.id(), m.name());
            } catch (RuntimeException e) {
                LOG.warnf("equipment %s not read: %s", machine, e.toString());
                gap("place: the equipment service did not say where " + machine + " stands");
                return new Place(manufacturer, facility, null, null, null, machine, null);
            }
        }

        private void gap(String text) {
            if (!gaps.contains(text)) {
                gaps.add(text);
            }
        }

        List<String> gaps() {
            return List.copyOf(gaps);
        }
    }
}
