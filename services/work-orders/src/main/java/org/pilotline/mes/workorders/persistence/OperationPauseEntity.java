package org.pilotline.mes.workorders.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One pause of an operation run: open while resumedAt is null. */
@Entity
@Table(name = "operation_pause")
public class OperationPauseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne
    @JoinColumn(name = "run_id")
    public OperationRunEntity run;
    public Instant pausedAt;
    public String pausedBy;
    public String reason;
    public Instant resumedAt;
    public String resumedBy;
}
