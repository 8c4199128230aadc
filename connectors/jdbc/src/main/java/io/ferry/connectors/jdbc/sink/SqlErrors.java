package io.ferry.connectors.jdbc.sink;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells transient database errors — worth trying the same batch again — from errors about the data or
 * the schema, which trying again cannot fix.
 */
final class SqlErrors {
    /** MariaDB/MySQL: lock wait timeout, deadlock, server gone / lost connection, query interrupted. */
    private static final Set<Integer> MARIADB_TRANSIENT = Set.of(1205, 1213, 2006, 2013, 1317, 1927);

    private SqlErrors() {
    }

    /**
     * Whether the error (or one chained to it) is transient: a lost or refused connection (SQLState class
     * 08), a serialization failure or deadlock (40001, 40P01), a lock timeout, a busy database file.
     */
    static boolean isTransient(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && transientCode(sql)) {
                return true;
            }
        }
        SQLException next = error.getNextException();
        return next != null && next != error && isTransient(next);
    }

    private static boolean transientCode(SQLException error) {
        String state = error.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
                || state.equals("55P03") || state.equals("57P01"))) {
            return true;
        }
        String message = String.valueOf(error.getMessage());
        // SQLite: another connection holds the database file.
        if (message.startsWith("[SQLITE_BUSY]") || message.startsWith("[SQLITE_LOCKED]")) {
            return true;
        }
        return MARIADB_TRANSIENT.contains(error.getErrorCode()) && (state == null || !state.startsWith("23"));
    }

    /**
     * Whether the error says the table is not as the cached definition has it — a table or column that
     * does not exist (SQLState 42P01/42703, MariaDB 1146/1054, SQLite's "no such table/column"): someone
     * changed the table, so the batch is not to blame and is written again after the definition is re-read.
     */
    static boolean isStructural(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                if ("42P01".equals(state) || "42703".equals(state) || sql.getErrorCode() == 1146 || sql.getErrorCode() == 1054
                        || message.contains("no such table") || message.contains("no such column")
                        || message.contains("has no column named")) {
                    return true;
                }
            }
        }
        SQLException next = error.getNextException();
        return next != null && next != error && isStructural(next);
    }

    /** The error's message with the messages PostgreSQL's driver chains after it (batch errors hide the cause there). */
    static String describe(SQLException error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()).strip());
        if (error.getSQLState() != null) {
            text.append(" (SQLState ").append(error.getSQLState()).append(')');
        }
        SQLException next = error.getNextException();
        if (next != null && next != error && next.getMessage() != null && !text.toString().contains(next.getMessage())) {
            text.append("; ").append(next.getMessage().strip());
        }
        return text.toString();
    }
}
