package org.pilotline.mes.workorders.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.pilotline.mes.workorders.domain.LotState;

@Entity
@Table(name = "lot")
public class LotEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String lotNumber;
    @ManyToOne
    @JoinColumn(name = "work_order_id")
    public WorkOrderEntity workOrder;
    public int plannedQuantity;
    @Enumerated(EnumType.STRING)
    public LotState state;
    /** Subject of whoever executed the lot's last operation: that person may not approve the lot. */
    public String lastOperationBy;
    public Instant decidedAt;
    public UUID decisionSignature;
    public Instant createdAt;
    @Version
    public long version;
}
