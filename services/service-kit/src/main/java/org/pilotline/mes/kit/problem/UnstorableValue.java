package org.pilotline.mes.kit.problem;

import java.sql.SQLException;

/**
 * Tells a value the database refuses to store (SQLSTATE class 22, "data exception": a number beyond its column's
 * precision, text too long for its column, a byte sequence that is not text) from a defect. Such a value came from
 * the caller, so the answer is a 400 naming the database's reason; the transaction was rolled back, nothing changed.
 */
final class UnstorableValue {

    private UnstorableValue() {
    }

    /** The database's own words for the refused value, or null when the failure is something else. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                String message = sql.getMessage() == null ? sql.getSQLState() : sql.getMessage();
                int detail = message.indexOf('\n'); // PostgreSQL adds "Detail:" and "Where:" lines
                return (detail < 0 ? message : message.substring(0, detail)).replaceFirst("^ERROR: ", "");
            }
        }
        return null;
    }
}
