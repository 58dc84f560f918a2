package org.pilotline.mes.genealogy.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.genealogy.api.GenealogyApi.BuildModule;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotView;
import org.pilotline.mes.genealogy.api.GenealogyApi.ModuleCell;
import org.pilotline.mes.genealogy.api.GenealogyApi.ModuleMaterial;
import org.pilotline.mes.genealogy.api.GenealogyApi.ModuleTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.ModuleView;
import org.pilotline.mes.genealogy.persistence.GenealogyStore;
import org.pilotline.mes.genealogy.persistence.ModuleStore;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Modules, where a routing builds them: cells placed in positions of a module, each cell in one module only, none
 * that its lot's decision rejected. A module traces back through its cells to every raw lot, and a recall or
 * forward trace that reaches a cell names its module.
 */
@ApplicationScoped
public class ModuleService {

    private final ModuleStore modules;
    private final GenealogyStore store;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ObjectMapper json;

    ModuleService(ModuleStore modules, GenealogyStore store, AuditTrail audit, Outbox outbox, ObjectMapper json) {
        this.modules = modules;
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public ModuleView build(BuildModule req, Actor actor) {
        Set<String> cells = new LinkedHashSet<>(req.cells());
        if (cells.size() != req.cells().size()) {
            throw ProblemException.badRequest("cell-twice", "a cell can take only one position");
        }
        if (modules.exists(req.serial())) {
            throw ProblemException.conflict("module-exists", "module " + req.serial() + " already exists");
        }
        List<Object[]> found = modules.cellsForUpdate(List.copyOf(cells));
        Set<String> unknown = new LinkedHashSet<>(cells);
        List<String> refused = new ArrayList<>();
        for (Object[] r : found) {
            unknown.remove((String) r[0]);
            if (r[2] != null) {
                refused.add(r[0] + " is in module " + r[2]);
            } else if ("REJECTED".equals(r[1])) {
                refused.add(r[0] + " belongs to a rejected lot");
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.notFound("Cell", String.join(", ", unknown));
        }
        for (Object[] held : store.heldCells(List.copyOf(cells))) {
            refused.add(held[0] + " is on hold (" + held[1] + ")");
        }
        if (!refused.isEmpty()) {
            throw ProblemException.conflict("cell-not-placeable", String.join("; ", refused));
        }
        Instant now = Instant.now();
        modules.insert(req.serial(), req.product(), req.lot(), actor.name(), now);
        int position = 1;
        for (String cell : cells) {
            modules.place(req.serial(), cell, position++, now);
        }
        ModuleView view = module(req.serial());
        audit.record(actor, "module.assembled", "module", req.serial(), null, view, null);
        outbox.publish(EventTypes.Genealogy.MODULE_ASSEMBLED, req.serial(), Map.of("module", req.serial(),
                "cells", List.copyOf(cells)));
        return view;
    }

    public ModuleView module(String serial) {
        Object[] m = modules.module(serial).orElseThrow(() -> ProblemException.notFound("Module", serial));
        List<ModuleCell> cells = modules.cells(serial).stream().map(r -> new ModuleCell(((Number) r[0]).intValue(),
                (String) r[1], (String) r[2], (String) r[3], SqlValues.instant(r[4]))).toList();
        return new ModuleView((String) m[0], (String) m[1], (String) m[2], SqlValues.instant(m[3]), (String) m[4],
                cells);
    }

    public ModuleTrace backward(String serial) {
        ModuleView module = module(serial);
        List<Object[]> rows = modules.materials(serial);
        Map<String, MaterialLotView> lots = new java.util.HashMap<>();
        store.materialLotRows(rows.stream().map(r -> (String) r[0]).toList())
                .forEach(l -> lots.put((String) l[0], GenealogyService.view(l, json)));
        List<ModuleMaterial> materials = new ArrayList<>();
        List<MaterialLotView> raw = new ArrayList<>();
        for (Object[] r : rows) {
            MaterialLotView l = lots.get((String) r[0]);
            materials.add(new ModuleMaterial(l.id(), l.materialType(), l.kind(), l.supplier(), l.supplierLot(),
                    ((Number) r[1]).intValue()));
            if ("RAW".equals(l.kind())) {
                raw.add(l);
            }
        }
        return new ModuleTrace(module, materials, raw);
    }
}
