package io.ferry.connectors.jdbc.source;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.TableDefinition;

/**
 * Checks a table's columns against the mode: the incrementing column exists (or an auto-increment column
 * can stand in), is an integer and, with {@code validate.non.null}, NOT NULL; the timestamp columns exist
 * and hold dates or timestamps, and not all of them accept NULL. The connector's {@code validate} and the
 * task's start use the same check, so both say the same words.
 */
final class ModeColumnCheck {
    private static final Set<Integer> INTEGER_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);
    private static final Set<Integer> DECIMAL_TYPES = Set.of(Types.NUMERIC, Types.DECIMAL);
    private static final Set<Integer> TIME_TYPES = Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE);

    /** A problem and the key it belongs to. */
    record Problem(String key, String message) {
    }

    /** The outcome: the incrementing column to use (null when the mode has none) and the problems found. */
    record Result(String incrementingColumn, List<Problem> problems) {
        /** The problems' messages, joined. */
        String message() {
            return String.join("; ", problems.stream().map(Problem::message).toList());
        }
    }

    private ModeColumnCheck() {
    }

    static Result check(TableDefinition table, Mode mode, String incrementingColumn, List<String> timestampColumns,
            boolean validateNonNull, boolean sqlite) {
        List<Problem> problems = new ArrayList<>();
        String incrementing = null;
        String name = table.id().toString();
        if (mode.usesIncrementing()) {
            incrementing = incrementing(table, incrementingColumn, validateNonNull, problems);
        }
        if (mode.usesTimestamp()) {
            boolean allNullable = true;
            for (String column : timestampColumns) {
                Optional<ColumnDefinition> found = table.column(column);
                if (found.isEmpty()) {
                    problems.add(new Problem(JdbcSourceConfig.TIMESTAMP_COLUMNS, "table " + name + " has no timestamp column " + column));
                    allNullable = false; // reported as missing; NULLs are not the problem
                    continue;
                }
                allNullable &= found.get().nullable();
                // SQLite declares types loosely (a TEXT or DATETIME column may hold timestamps), so only the others are checked.
                if (!sqlite && !TIME_TYPES.contains(found.get().jdbcType())) {
                    problems.add(new Problem(JdbcSourceConfig.TIMESTAMP_COLUMNS, "table " + name + ": timestamp column " + column
                            + " is of type " + found.get().typeName() + ", not a date or timestamp"));
                }
            }
            if (validateNonNull && allNullable && !timestampColumns.isEmpty()) {
                problems.add(new Problem(JdbcSourceConfig.TIMESTAMP_COLUMNS, "table " + name + ": timestamp column(s) "
                        + String.join(", ", timestampColumns) + " accept NULL, and rows with NULL there are never read; "
                        + "make one NOT NULL or set validate.non.null=false"));
            }
        }
        return new Result(incrementing, problems);
    }

    private static String incrementing(TableDefinition table, String configured, boolean validateNonNull, List<Problem> problems) {
        String name = table.id().toString();
        Optional<ColumnDefinition> column = configured != null ? table.column(configured)
                : table.columns().stream().filter(ColumnDefinition::autoIncrement).findFirst();
        if (column.isEmpty()) {
            problems.add(new Problem(JdbcSourceConfig.INCREMENTING_COLUMN, configured != null
                    ? "table " + name + " has no incrementing column " + configured
                    : "table " + name + " has no auto-increment column; set incrementing.column.name"));
            return configured;
        }
        ColumnDefinition found = column.get();
        boolean integral = INTEGER_TYPES.contains(found.jdbcType())
                || (DECIMAL_TYPES.contains(found.jdbcType()) && found.scale() == 0);
        if (!integral) {
            problems.add(new Problem(JdbcSourceConfig.INCREMENTING_COLUMN, "table " + name + ": incrementing column "
                    + found.name() + " is of type " + found.typeName() + ", not an integer"));
        }
        if (validateNonNull && found.nullable() && !found.autoIncrement() && !found.primaryKey()) {
            problems.add(new Problem(JdbcSourceConfig.INCREMENTING_COLUMN, "table " + name + ": incrementing column "
                    + found.name() + " accepts NULL, and rows with NULL there are never read; make it NOT NULL or set "
                    + "validate.non.null=false"));
        }
        return found.name();
    }
}
