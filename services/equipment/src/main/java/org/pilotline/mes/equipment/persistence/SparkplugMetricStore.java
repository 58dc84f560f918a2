package org.pilotline.mes.equipment.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/** What Sparkplug births declared: a metric's name and data type per alias, so DATA by alias survives a restart. */
@ApplicationScoped
public class SparkplugMetricStore {

    private final AgroalDataSource db;

    SparkplugMetricStore(AgroalDataSource db) {
        this.db = db;
    }

    /** device "" for the edge node's own metrics. */
    public record Definition(String group, String edgeNode, String device, long alias, String name, int datatype) {
    }

    public List<Definition> all() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select group_id, edge_node, device, alias, name, datatype from sparkplug_metric");
                ResultSet rs = ps.executeQuery()) {
            List<Definition> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getInt(6)));
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(List<Definition> definitions) {
        if (definitions.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into sparkplug_metric (group_id, edge_node, "
                        + "device, alias, name, datatype) values (?, ?, ?, ?, ?, ?) on conflict (group_id, edge_node, "
                        + "device, alias) do update set name = excluded.name, datatype = excluded.datatype")) {
            for (Definition d : definitions) {
                ps.setString(1, d.group());
                ps.setString(2, d.edgeNode());
                ps.setString(3, d.device());
                ps.setLong(4, d.alias());
                ps.setString(5, d.name());
                ps.setInt(6, d.datatype());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
