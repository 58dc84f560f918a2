package org.pilotline.mes.equipment.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.agroal.api.AgroalDataSource;

/**
 * Who may publish: the registered equipment with where it stands, kept in memory so that the ingest does not ask
 * the database per message. An id not known yet is looked up once per message (equipment may have been
 * registered since); a registry change is forgotten once it has committed ({@link Changed}).
 */
@ApplicationScoped
public class EquipmentDirectory {

    private final AgroalDataSource db;
    private final ConcurrentHashMap<String, EquipmentRef> known = new ConcurrentHashMap<>();

    EquipmentDirectory(AgroalDataSource db) {
        this.db = db;
    }

    /** A registered piece of equipment: where it stands and what it is. */
    public record EquipmentRef(String id, String equipmentClass, String site, String area, String line) {
        public String linePath() {
            return site + "/" + area + "/" + line;
        }
    }

    public Optional<EquipmentRef> find(String id) {
        EquipmentRef ref = known.get(id);
        if (ref != null) {
            return Optional.of(ref);
        }
        Optional<EquipmentRef> loaded = load(id);
        loaded.ifPresent(r -> known.put(id, r));
        return loaded;
    }

    /** Observed after the change commits: an ingest batch reading the equipment before then reloads the old row. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        known.remove(changed.equipmentId());
    }

    /** Fired by a registry change of one piece of equipment: its place, and so its topic, may have changed. */
    public record Changed(String equipmentId) {
    }

    private Optional<EquipmentRef> load(String id) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select id, equipment_class, site, area, line from equipment where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new EquipmentRef(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the equipment registry", e);
        }
    }
}
