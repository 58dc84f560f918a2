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
    /** RAW (received from a supplier), INTERMEDIATE (made here) or CONSUMABLE (received, not part of a cell). */
    public String kind;
    public BigDecimal quantity;
    public String unit;
    public String supplier;
    public String supplierLot;
    /** AVAILABLE, ON_HOLD (quality holds it), CONSUMED (nothing left) or SCRAPPED. */
    public String status;
    public BigDecimal receivedQuantity;
    public java.time.LocalDate expiresOn;
    /** Certificate of analysis: characteristic -> value, as the supplier certified it. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public java.util.Map<String, Object> certificate;
    public String equipment;
    /** When its exposure clock passed the limit of its material type: nothing is taken from it since. */
    public Instant exposureExceededAt;
    public Instant createdAt;
    @Version
    public long version;
}
