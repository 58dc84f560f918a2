package org.pilotline.mes.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * A value the database cannot store is the caller's mistake, told through the wrappers around it (HostileRestIT
 * found a grade bin of 1e400 Ah and a NUL in a lot id answered 500 "internal").
 */
class UnstorableValueTest {

    @Test
    void dataExceptionsAreNamedInTheDatabasesWords() {
        assertEquals("numeric field overflow", UnstorableValue.reason(new IllegalStateException("could not write",
                new SQLException("ERROR: numeric field overflow\n  Detail: A field with precision 12...", "22003"))));
        assertEquals("invalid byte sequence for encoding \"UTF8\": 0x00", UnstorableValue.reason(new RuntimeException(
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertNull(UnstorableValue.reason(new IllegalStateException("bug")));
        assertNull(UnstorableValue.reason(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertNull(UnstorableValue.reason(new RuntimeException(new SQLException("connection refused", "08001"))));
    }
}
