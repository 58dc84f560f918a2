package org.pilotline.mes.equipment.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.pilotline.mes.equipment.api.RegistryApi.ClassSpec;
import org.pilotline.mes.equipment.api.RegistryApi.EquipmentSpec;
import org.pilotline.mes.equipment.api.RegistryApi.LimitSpec;
import org.pilotline.mes.equipment.api.RegistryApi.NewNode;
import org.pilotline.mes.equipment.api.RegistryApi.NodeView;
import org.pilotline.mes.equipment.persistence.EnvironmentStore;
import org.pilotline.mes.equipment.persistence.EnvironmentStore.Limit;
import org.pilotline.mes.equipment.persistence.EquipmentEntity;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.equipment.persistence.RegistryStore;
import org.pilotline.mes.equipment.persistence.RegistryStore.ClassTag;
import org.pilotline.mes.equipment.persistence.RegistryStore.EquipmentClass;
import org.pilotline.mes.equipment.persistence.RegistryStore.Node;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;

/**
 * The plant's registry: the ISA-95 hierarchy (enterprise, site, area, line, work cell), equipment classes with
 * their tags, the equipment and where it stands, and the environment limits of dry rooms and gloveboxes. Every
 * change is audited.
 */
@ApplicationScoped
public class RegistryService {

    /** Which level each level hangs under. */
    private static final Map<String, String> PARENT_LEVEL = Map.of("SITE", "ENTERPRISE", "AREA", "SITE", "LINE",
            "AREA", "WORK_CELL", "LINE");

    private final RegistryStore registry;
    private final EquipmentRepository equipment;
    private final EnvironmentStore environment;
    private final AuditTrail audit;
    private final Event<EquipmentDirectory.Changed> equipmentChanged;
    private final Event<EnvironmentMonitor.LimitsChanged> limitsChanged;

    RegistryService(RegistryStore registry, EquipmentRepository equipment, EnvironmentStore environment,
            AuditTrail audit, Event<EquipmentDirectory.Changed> equipmentChanged,
            Event<EnvironmentMonitor.LimitsChanged> limitsChanged) {
        this.registry = registry;
        this.equipment = equipment;
        this.environment = environment;
        this.audit = audit;
        this.equipmentChanged = equipmentChanged;
        this.limitsChanged = limitsChanged;
    }

    /** The hierarchy as trees from each enterprise, equipment under its line or work cell. */
    @Transactional
    public List<NodeView> tree() {
        List<Node> nodes = registry.nodes();
        Map<String, List<String>> equipmentAt = new LinkedHashMap<>();
        for (EquipmentEntity e : equipment.listAll(io.quarkus.panache.common.Sort.by("id"))) {
            String at = e.site + "/" + e.area + "/" + e.line + (e.workCell == null ? "" : "/" + e.workCell);
            equipmentAt.computeIfAbsent(at, k -> new ArrayList<>()).add(e.id);
        }
        return nodes.stream().filter(n -> n.parentId() == null).map(n -> view(n, nodes, equipmentAt)).toList();
    }

    private static NodeView view(Node n, List<Node> all, Map<String, List<String>> equipmentAt) {
        List<NodeView> children = all.stream().filter(c -> n.id().equals(c.parentId()))
                .map(c -> view(c, all, equipmentAt)).toList();
        return new NodeView(n.id(), n.level(), n.code(), n.name(), children,
                equipmentAt.getOrDefault(n.id(), List.of()));
    }

    @Transactional
    public Node addNode(NewNode req, Actor actor) {
        String id;
        if ("ENTERPRISE".equals(req.level())) {
            if (req.parent() != null) {
                throw ProblemException.badRequest("bad-parent", "an enterprise has no parent");
            }
            id = req.code();
        } else {
            Node parent = Optional.ofNullable(req.parent()).flatMap(registry::node).orElseThrow(() ->
                    ProblemException.badRequest("bad-parent", "parent " + req.parent() + " does not exist"));
            if (!parent.level().equals(PARENT_LEVEL.get(req.level()))) {
                throw ProblemException.badRequest("bad-parent", "a " + req.level() + " belongs under a "
                        + PARENT_LEVEL.get(req.level()) + ", not a " + parent.level());
            }
            // ids are the topic path from the site down: pilot, pilot/assembly, pilot/assembly/L1, ...
            id = "SITE".equals(req.level()) ? req.code() : parent.id() + "/" + req.code();
        }
        Node node = new Node(id, req.level(), req.code(), req.name(), "ENTERPRISE".equals(req.level()) ? null
                : req.parent());
        if (!registry.addNode(node)) {
            throw ProblemException.conflict("node-exists", "hierarchy node " + id + " exists");
        }
        audit.record(actor, "hierarchy.node-added", "hierarchy", id, null, node, null);
        return node;
    }

    @Transactional
    public EquipmentClass putClass(String id, ClassSpec spec, Actor actor) {
        if (spec.tags().stream().map(t -> t.tag()).distinct().count() != spec.tags().size()) {
            throw ProblemException.badRequest("duplicate-tag", "each tag once");
        }
        Optional<EquipmentClass> old = registry.equipmentClass(id);
        EquipmentClass ec = new EquipmentClass(id, spec.name(), spec.description(), spec.idealCycleSeconds(),
                spec.tags().stream().map(t -> new ClassTag(t.tag(), t.unit(), t.meaning())).toList());
        registry.putClass(ec);
        audit.record(actor, old.isPresent() ? "equipment-class.changed" : "equipment-class.defined",
                "equipment-class", id, old.orElse(null), ec, spec.reason());
        return ec;
    }

    /**
     * Registers the equipment, or changes its name, class, place or ideal cycle time. The {@link EquipmentDirectory}
     * forgets it once this has committed: its topic may have changed.
     */
    @Transactional
    public EquipmentEntity putEquipment(String id, EquipmentSpec spec, Actor actor) {
        if (registry.equipmentClass(spec.equipmentClass()).isEmpty()) {
            throw ProblemException.badRequest("unknown-class", "equipment class " + spec.equipmentClass()
                    + " is not defined");
        }
        String line = spec.site() + "/" + spec.area() + "/" + spec.line();
        if (registry.node(line).filter(n -> n.level().equals("LINE")).isEmpty()) {
            throw ProblemException.badRequest("unknown-line", "line " + line + " is not in the hierarchy");
        }
        if (spec.workCell() != null
                && registry.node(line + "/" + spec.workCell()).filter(n -> n.level().equals("WORK_CELL")).isEmpty()) {
            throw ProblemException.badRequest("unknown-work-cell", "work cell " + line + "/" + spec.workCell()
                    + " is not in the hierarchy");
        }
        EquipmentEntity e = equipment.findById(id);
        Map<String, Object> old = e == null ? null : snapshot(e);
        if (e == null) {
            e = new EquipmentEntity();
            e.id = id;
        }
        e.name = spec.name();
        e.equipmentClass = spec.equipmentClass();
        e.site = spec.site();
        e.area = spec.area();
        e.line = spec.line();
        e.workCell = spec.workCell();
        e.idealCycleSeconds = spec.idealCycleSeconds();
        equipment.persist(e);
        audit.record(actor, old == null ? "equipment.registered" : "equipment.changed", "equipment", id, old,
                snapshot(e), spec.reason());
        equipmentChanged.fire(new EquipmentDirectory.Changed(id));
        return e;
    }

    @Transactional
    public List<Limit> limits(String equipmentId) {
        requireEquipment(equipmentId);
        return environment.limits().stream().filter(l -> l.equipmentId().equals(equipmentId)).toList();
    }

    /** Sets the limits of one tag; the tag must be one the equipment's class publishes. */
    @Transactional
    public Limit putLimit(String equipmentId, String tag, LimitSpec spec, Actor actor) {
        EquipmentEntity e = requireEquipment(equipmentId);
        ClassTag declared = registry.equipmentClass(e.equipmentClass).flatMap(c -> c.tags().stream()
                .filter(t -> t.tag().equals(tag)).findFirst()).orElseThrow(() -> ProblemException.badRequest(
                        "unknown-tag", e.equipmentClass + " does not publish a tag " + tag));
        if (spec.lower() == null && spec.upper() == null) {
            throw ProblemException.badRequest("no-limit", "give lower, upper or both");
        }
        if (spec.lower() != null && spec.upper() != null && spec.lower() >= spec.upper()) {
            throw ProblemException.badRequest("bad-limits", "lower must be below upper");
        }
        Limit limit = new Limit(equipmentId, tag, spec.lower(), spec.upper(),
                spec.unit() == null ? declared.unit() : spec.unit());
        Optional<Limit> old = environment.put(limit);
        audit.record(actor, old.isPresent() ? "environment-limit.changed" : "environment-limit.set", "equipment",
                equipmentId, old.orElse(null), limit, spec.reason());
        limitsChanged.fire(new EnvironmentMonitor.LimitsChanged());
        return limit;
    }

    private EquipmentEntity requireEquipment(String id) {
        return equipment.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Equipment", id));
    }

    private static Map<String, Object> snapshot(EquipmentEntity e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name);
        m.put("equipmentClass", e.equipmentClass);
        m.put("site", e.site);
        m.put("area", e.area);
        m.put("line", e.line);
        m.put("workCell", e.workCell);
        m.put("idealCycleSeconds", e.idealCycleSeconds);
        return m;
    }
}
