package org.pilotline.mes.equipment.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "equipment")
public class EquipmentEntity {
    @Id
    public String id;
    public String name;
    public String equipmentClass;
    public String site;
    public String area;
    public String line;
    /** Optional ISA-95 work cell within the line (its code). */
    public String workCell;
    /** Overrides the class's ideal cycle time for OEE. */
    public java.math.BigDecimal idealCycleSeconds;
    public String currentState;
    public String currentMode;
    public Instant stateSince;
    @Version
    public long version;
}
