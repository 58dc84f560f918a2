package org.pilotline.mes.equipment.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/** The ISA-95 hierarchy above the equipment, and the equipment classes with the tags each publishes. */
@ApplicationScoped
public class RegistryStore {

    private final AgroalDataSource db;

    RegistryStore(AgroalDataSource db) {
        this.db = db;
    }

    public record Node(String id, String level, String code, String name, String parentId) {
    }

    public record ClassTag(String tag, String unit, String meaning) {
    }

    public record EquipmentClass(String id, String name, String description, BigDecimal idealCycleSeconds,
            List<ClassTag> tags) {
    }

    public List<Node> nodes() {
        return Jdbc.query(db, "select id, level, code, name, parent_id from hierarchy_node order by id", ps -> {
        }, rs -> new Node(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    public Optional<Node> node(String id) {
        return Jdbc.query(db, "select id, level, code, name, parent_id from hierarchy_node where id = ?",
                ps -> ps.setString(1, id), rs -> new Node(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).stream().findFirst();
    }

    /** @return false if a node with that id exists */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean addNode(Node node) {
        return Jdbc.update(db, "insert into hierarchy_node (id, level, code, name, parent_id) values (?, ?, ?, ?, ?) "
                + "on conflict (id) do nothing", ps -> {
                    ps.setString(1, node.id());
                    ps.setString(2, node.level());
                    ps.setString(3, node.code());
                    ps.setString(4, node.name());
                    ps.setString(5, node.parentId());
                }) == 1;
    }

    public List<EquipmentClass> classes() {
        return classes(null);
    }

    public Optional<EquipmentClass> equipmentClass(String id) {
        return classes(id).stream().findFirst();
    }

    /** Every class with its tags, or only class {@code id}. */
    private List<EquipmentClass> classes(String id) {
        Map<String, List<ClassTag>> tags = new LinkedHashMap<>();
        for (Object[] t : Jdbc.query(db, "select equipment_class, tag, unit, meaning from equipment_class_tag "
                + "where (?::text is null or equipment_class = ?) order by equipment_class, tag", ps -> {
                    ps.setString(1, id);
                    ps.setString(2, id);
                }, rs -> new Object[] { rs.getString(1), new ClassTag(rs.getString(2), rs.getString(3),
                        rs.getString(4)) })) {
            tags.computeIfAbsent((String) t[0], k -> new ArrayList<>()).add((ClassTag) t[1]);
        }
        return Jdbc.query(db, "select id, name, description, ideal_cycle_seconds from equipment_class "
                + "where (?::text is null or id = ?) order by id", ps -> {
                    ps.setString(1, id);
                    ps.setString(2, id);
                }, rs -> new EquipmentClass(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        tags.getOrDefault(rs.getString(1), List.of())));
    }

    public Double idealCycleSeconds(String classId) {
        return equipmentClass(classId).map(EquipmentClass::idealCycleSeconds).map(BigDecimal::doubleValue)
                .orElse(null);
    }

    /** Creates the class or replaces its name, description, ideal cycle time and tags. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void putClass(EquipmentClass ec) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into equipment_class (id, name, description, "
                    + "ideal_cycle_seconds) values (?, ?, ?, ?) on conflict (id) do update set name = excluded.name, "
                    + "description = excluded.description, ideal_cycle_seconds = excluded.ideal_cycle_seconds")) {
                ps.setString(1, ec.id());
                ps.setString(2, ec.name());
                ps.setString(3, ec.description());
                ps.setBigDecimal(4, ec.idealCycleSeconds());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from equipment_class_tag where equipment_class = ?")) {
                ps.setString(1, ec.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into equipment_class_tag (equipment_class, tag, unit, meaning) values (?, ?, ?, ?)")) {
                for (ClassTag t : ec.tags()) {
                    ps.setString(1, ec.id());
                    ps.setString(2, t.tag());
                    ps.setString(3, t.unit());
                    ps.setString(4, t.meaning());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
