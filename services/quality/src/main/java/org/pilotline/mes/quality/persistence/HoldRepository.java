package org.pilotline.mes.quality.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HoldRepository implements PanacheRepository<HoldEntity> {

    /** Open holds on one item, oldest first. */
    public List<HoldEntity> openOn(String itemType, String itemId) {
        return list("releasedAt is null and itemType = ?1 and itemId = ?2 order by placedAt", itemType, itemId);
    }

    /** Open holds on a lot and on any of the given cells, oldest first. */
    public List<HoldEntity> openOnLotOrCells(String lot, List<String> cells) {
        if (cells.isEmpty()) {
            return list("releasedAt is null and itemType = 'LOT' and itemId = ?1 order by placedAt", lot);
        }
        return list("releasedAt is null and ((itemType = 'LOT' and itemId = ?1) or (itemType = 'CELL' and itemId in ?2)) "
                + "order by placedAt", lot, cells);
    }
}
