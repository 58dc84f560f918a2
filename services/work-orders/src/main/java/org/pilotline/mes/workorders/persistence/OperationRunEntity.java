package org.pilotline.mes.workorders.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One routing operation executed on one lot (cell null) or on one cell of it. */
@Entity
@Table(name = "operation_run")
public class OperationRunEntity {
    public static final String STARTED = "STARTED";
    public static final String PAUSED = "PAUSED";
    public static final String COMPLETED = "COMPLETED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne
    @JoinColumn(name = "lot_id")
    public LotEntity lot;
    public int sequence;
    public String operation;
    /** The cell's serial; null for the run of the whole lot. */
    public String cell;
    public String state;
    public String station;
    public Instant startedAt;
    public String startedBy;
    public Instant completedAt;
    public String completedBy;
    public String completedById;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> parameters;
    public String outOfLimitReason;
    public Integer goodQuantity;
    public Integer scrapQuantity;
    public String scrapReason;
    @Version
    public long version;

    public boolean is(String state) {
        return state.equals(this.state);
    }

    /** A cell reported as scrap at any operation goes no further. */
    public boolean scrappedCell() {
        return cell != null && scrapQuantity != null && scrapQuantity > 0;
    }
}
