package io.ferry.connectors.jdbc.connection;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why a connection attempt failed, in words, from the drivers' SQLSTATEs, vendor codes and messages; and
 * URLs with their passwords masked.
 */
final class ConnectionErrors {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|pwd)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/:@]+):[^@/]*@");

    /** MariaDB's vendor codes: access denied for user, access denied to database, unknown database. */
    private static final int MARIADB_ACCESS_DENIED = 1045;
    private static final int MARIADB_DATABASE_ACCESS_DENIED = 1044;
    private static final int MARIADB_UNKNOWN_DATABASE = 1049;

    private ConnectionErrors() {
    }

    enum Kind {
        AUTHENTICATION(false), UNKNOWN_DATABASE(false), NO_DRIVER(false), UNREACHABLE(true), OTHER(true);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }
    }

    /** A classified failure and the driver's own message. */
    record Failure(Kind kind, String driverMessage) {
        boolean retriable() {
            return kind.retriable;
        }

        String describe(String user) {
            String detail = " (" + driverMessage + ")";
            return switch (kind) {
                case AUTHENTICATION -> "authentication failed for user " + (user == null ? "(none)" : user) + detail;
                case UNKNOWN_DATABASE -> "the database does not exist" + detail;
                case NO_DRIVER -> "no JDBC driver accepts the URL" + detail;
                case UNREACHABLE -> "the database server is unreachable" + detail;
                case OTHER -> driverMessage;
            };
        }
    }

    static Failure classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        Kind kind;
        if (lower.startsWith("no suitable driver")) {
            kind = Kind.NO_DRIVER;
        } else if (state.startsWith("28") || e.getErrorCode() == MARIADB_ACCESS_DENIED
                || e.getErrorCode() == MARIADB_DATABASE_ACCESS_DENIED) {
            kind = Kind.AUTHENTICATION;
        } else if ("3D000".equals(state) || e.getErrorCode() == MARIADB_UNKNOWN_DATABASE) {
            kind = Kind.UNKNOWN_DATABASE;
        } else if (state.startsWith("08") || lower.contains("connection refused") || lower.contains("timed out")
                || lower.contains("unknownhost") || lower.contains("no route to host")) {
            kind = Kind.UNREACHABLE;
        } else if (lower.contains("sqlite_cantopen") || lower.contains("does not exist")) {
            kind = Kind.UNKNOWN_DATABASE;
        } else {
            kind = Kind.OTHER;
        }
        return new Failure(kind, message);
    }

    /** The URL with any password in it masked: {@code password=***}, {@code //user:***@host}. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }
}
