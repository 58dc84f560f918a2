package org.pilotline.mes.genealogy.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "material_lot")
public class MaterialLotEntity {
    @Id
    public String id;
    public String materialType;
    /** RAW (received from a supplier) or INTERMEDIATE (made here). */
    public String kind;
    public BigDecimal quantity;
    public String unit;
    public String supplier;
    public String supplierLot;
    public String status;
    public String equipment;
    public Instant createdAt;
    @Version
    public long version;
}
