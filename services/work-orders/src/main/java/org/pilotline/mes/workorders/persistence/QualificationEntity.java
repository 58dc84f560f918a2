package org.pilotline.mes.workorders.persistence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One qualification of one operator, e.g. operator1 may run PRESS_OPERATION until 2027-06-30. */
@Entity
@Table(name = "operator_qualification")
public class QualificationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String username;
    public String qualification;
    public LocalDate validUntil;
    public String grantedBy;
    public Instant grantedAt;
    public Instant revokedAt;
    public String revokedBy;
}
