package io.ferry.connectors.jdbc.sink;

import io.ferry.connectors.jdbc.dialect.JdbcDialect;

/** How many bind parameters one statement may carry on each database. */
final class BindLimits {
    private BindLimits() {
    }

    /**
     * The limit of the dialect's database: PostgreSQL's protocol counts parameters in a signed 16-bit field
     * in older drivers (32767 is safe everywhere), MariaDB allows 65535, SQLite's default build 32766.
     * Unknown databases get SQLite's historic 999.
     */
    static int maxParameters(JdbcDialect dialect) {
        return switch (dialect.name()) {
            case "PostgreSQL" -> 32_767;
            case "MariaDB", "MySQL" -> 65_535;
            case "SQLite" -> 32_766;
            default -> 999;
        };
    }
}
