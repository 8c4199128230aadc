package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Binds Connect values of primitive and logical types with the standard JDBC setters, as PostgreSQL and
 * MariaDB take them. Date and Time are calendar values and bind as {@code LocalDate}/{@code LocalTime};
 * a Timestamp binds as a local date-time in {@code db.timezone} (drivers keep the instant for columns that
 * carry a zone). Debezium's semantic types ({@link DebeziumType}) bind by their standard values. Dialects
 * handle their own extra types (arrays, SQLite's text dates) before calling this.
 */
final class ConnectValueBinder {
    private ConnectValueBinder() {
    }

    static void bind(PreparedStatement statement, int index, Schema schema, Object value, ZoneId zone) throws SQLException {
        if (value == null) {
            statement.setNull(index, jdbcType(schema));
            return;
        }
        DebeziumType semantic = DebeziumType.of(schema);
        if (semantic != DebeziumType.NONE) {
            bindSemantic(statement, index, semantic.kind(), semantic.value(schema, value), zone);
            return;
        }
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            statement.setBigDecimal(index, (BigDecimal) value);
        } else if (Date.LOGICAL_NAME.equals(logical)) {
            statement.setObject(index, TemporalValues.localDate((java.util.Date) value), Types.DATE);
        } else if (Time.LOGICAL_NAME.equals(logical)) {
            statement.setObject(index, TemporalValues.localTime((java.util.Date) value), Types.TIME);
        } else if (Timestamp.LOGICAL_NAME.equals(logical)) {
            bindInstant(statement, index, TemporalValues.instant((java.util.Date) value), zone);
        } else {
            bindPrimitive(statement, index, schema, value);
        }
    }

    /**
     * Binds the {@link DebeziumType#value standard value} of a Debezium semantic type (not null): dates and
     * times as calendar values, a zoneless timestamp as the same local date-time (a {@link LocalDateTime},
     * as COPY writes it), an instant as a local date-time in {@code zone} like a Timestamp, text kinds as strings.
     */
    static void bindSemantic(PreparedStatement statement, int index, DebeziumType.Kind kind, Object standard, ZoneId zone)
            throws SQLException {
        switch (kind) {
            case DATE -> statement.setObject(index, standard, Types.DATE);
            case TIME -> {
                if (standard instanceof String endOfDay) {
                    statement.setString(index, endOfDay); // 24:00:00 is no LocalTime; MariaDB's TIME reads the text
                } else {
                    statement.setObject(index, standard, Types.TIME);
                }
            }
            case YEAR -> statement.setInt(index, (Integer) standard);
            // as the LocalDateTime itself: a java.sql.Timestamp's calendar is Julian before 1582-10-15 and
            // would move such date-times (0001-01-01 by two days) from the proleptic ones Debezium counts
            case LOCAL_TIMESTAMP -> statement.setObject(index, standard, Types.TIMESTAMP);
            case INSTANT -> bindInstant(statement, index, (Instant) standard, zone);
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) standard);
            case DURATION_MICROS -> statement.setLong(index, (Long) standard);
            default -> statement.setString(index, (String) standard);
        }
    }

    /**
     * An instant as its local date-time in {@code zone}, a {@link LocalDateTime} as java.time's rules give it
     * (before a zone's standard time, its local mean time): through a {@code java.sql.Timestamp} and a calendar
     * the days before 1582-10-15 would be counted in the Julian calendar. Columns that carry a zone take the
     * local date-time in the session's zone, which is UTC for MariaDB; PostgreSQL binds its instants itself.
     */
    static void bindInstant(PreparedStatement statement, int index, Instant instant, ZoneId zone) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, zone), Types.TIMESTAMP);
    }

    private static void bindPrimitive(PreparedStatement statement, int index, Schema schema, Object value) throws SQLException {
        switch (schema.type()) {
            case INT8 -> statement.setByte(index, ((Number) value).byteValue());
            case INT16 -> statement.setShort(index, ((Number) value).shortValue());
            case INT32 -> statement.setInt(index, ((Number) value).intValue());
            case INT64 -> statement.setLong(index, ((Number) value).longValue());
            case FLOAT32 -> statement.setFloat(index, ((Number) value).floatValue());
            case FLOAT64 -> statement.setDouble(index, ((Number) value).doubleValue());
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case STRING -> statement.setString(index, (String) value);
            case BYTES -> statement.setBytes(index, SqlLiterals.bytes(value));
            default -> throw new DataException("Cannot bind a value of Connect type " + schema.type()
                    + " to a statement parameter: this database has no column type for it");
        }
    }

    /** The {@link Types} code of NULL for a Connect schema. */
    static int jdbcType(Schema schema) {
        switch (DebeziumType.of(schema).kind()) {
            case DATE -> {
                return Types.DATE;
            }
            case TIME -> {
                return Types.TIME;
            }
            case LOCAL_TIMESTAMP, INSTANT -> {
                return Types.TIMESTAMP;
            }
            case DECIMAL -> {
                return Types.DECIMAL;
            }
            case YEAR -> {
                return Types.INTEGER;
            }
            case POINT -> {
                return Types.VARCHAR;
            }
            default -> {
            }
        }
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return Types.DECIMAL;
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return Types.DATE;
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return Types.TIME;
        }
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return Types.TIMESTAMP;
        }
        return switch (schema.type()) {
            case INT8 -> Types.TINYINT;
            case INT16 -> Types.SMALLINT;
            case INT32 -> Types.INTEGER;
            case INT64 -> Types.BIGINT;
            case FLOAT32 -> Types.REAL;
            case FLOAT64 -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case STRING -> Types.VARCHAR;
            case BYTES -> Types.BINARY;
            case ARRAY -> Types.ARRAY;
            default -> Types.OTHER;
        };
    }
}
