package org.pilotline.mes.quality.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A hold on one item; open while releasedAt is null. */
@Entity
@Table(name = "hold")
public class HoldEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String itemType;
    public String itemId;
    public String reason;
    public String source;
    public String placedBy;
    public Instant placedAt;
    public Instant releasedAt;
    public String releasedBy;
    public UUID releaseSignature;
    public String releaseReason;
    @Version
    public long version;

    public boolean isOpen() {
        return releasedAt == null;
    }
}
