package org.pilotline.mes.kit.persistence;

import java.sql.Timestamp;
import java.time.Instant;

/** Values of native-query rows, whose Java types depend on the driver path Hibernate takes. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column: Instant or Timestamp. */
    public static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
