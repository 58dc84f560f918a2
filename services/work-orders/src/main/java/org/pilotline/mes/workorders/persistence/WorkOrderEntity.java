package org.pilotline.mes.workorders.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.workorders.domain.WorkOrderState;

@Entity
@Table(name = "work_order")
public class WorkOrderEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String number;
    @ManyToOne
    @JoinColumn(name = "product_id")
    public ProductEntity product;
    @ManyToOne
    @JoinColumn(name = "routing_id")
    public RoutingEntity routing;
    /** The routing's operations as released: later routing versions do not change this order. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<OperationSpec> routingSnapshot;
    public int plannedQuantity;
    public int lotSize;
    @Enumerated(EnumType.STRING)
    public WorkOrderState state;
    /** The state a held order returns to when resumed. */
    @Enumerated(EnumType.STRING)
    public WorkOrderState heldFrom;
    /** Why it was last held, suspended, aborted or cancelled. */
    public String stateReason;
    public int priority;
    public LocalDate dueDate;
    public Instant createdAt;
    @Version
    public long version;
}
