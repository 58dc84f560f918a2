package org.pilotline.mes.equipment.persistence;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A calibration or maintenance task of one piece of equipment, with the date it falls due. */
@Entity
@Table(name = "service_task")
public class ServiceTaskEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String equipmentId;
    public String task;
    public String kind;
    public int intervalDays;
    public LocalDate dueOn;
    public LocalDate lastDoneOn;
    public String lastDoneBy;
    public String reference;
    @Version
    public long version;
}
