package org.pilotline.mes.equipment.persistence;

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
        return Jdbc.query(db, "select group_id, edge_node, device, alias, name, datatype from sparkplug_metric",
                ps -> {
                }, rs -> new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getInt(6)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(List<Definition> definitions) {
        if (definitions.isEmpty()) {
            return;
        }
        Jdbc.update(db, "insert into sparkplug_metric (group_id, edge_node, device, alias, name, datatype) "
                + "select * from unnest(?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::int4[]) "
                + "on conflict (group_id, edge_node, device, alias) do update set name = excluded.name, "
                + "datatype = excluded.datatype", ps -> {
                    // a birth declares each alias once; the last definition of a batch wins
                    List<Definition> rows = List.copyOf(definitions.stream().collect(java.util.stream.Collectors
                            .toMap(d -> d.group() + '/' + d.edgeNode() + '/' + d.device() + '/' + d.alias(), d -> d,
                                    (a, b) -> b, java.util.LinkedHashMap::new)).values());
                    ps.setArray(1, Jdbc.texts(ps, rows, Definition::group));
                    ps.setArray(2, Jdbc.texts(ps, rows, Definition::edgeNode));
                    ps.setArray(3, Jdbc.texts(ps, rows, Definition::device));
                    ps.setArray(4, ps.getConnection().createArrayOf("int8",
                            rows.stream().map(Definition::alias).toArray()));
                    ps.setArray(5, Jdbc.texts(ps, rows, Definition::name));
                    ps.setArray(6, Jdbc.ints(ps, rows, Definition::datatype));
                });
    }
}
