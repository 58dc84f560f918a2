package org.pilotline.mes.workorders.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
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
import org.pilotline.mes.workorders.domain.RoutingStatus;

@Entity
@Table(name = "routing")
public class RoutingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public int version;
    @ManyToOne
    @JoinColumn(name = "product_id")
    public ProductEntity product;
    @Enumerated(EnumType.STRING)
    public RoutingStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<OperationSpec> operations;
    public Instant createdAt;
    public Instant releasedAt;
    @Version
    @Column(name = "row_version")
    public long rowVersion;
}
