package org.pilotline.mes.workorders.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.pilotline.mes.workorders.domain.Chemistry;
import org.pilotline.mes.workorders.domain.Stage;

@Entity
@Table(name = "product")
public class ProductEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    public BigDecimal nominalCapacityAh;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "scaled_from_id")
    public ProductEntity scaledFrom;
    @JdbcTypeCode(SqlTypes.JSON)
    public Chemistry chemistry;
    public Instant createdAt;
    @Version
    public long version;
}
