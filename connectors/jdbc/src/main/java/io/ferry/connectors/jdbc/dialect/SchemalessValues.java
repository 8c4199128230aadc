package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.connect.errors.DataException;

/**
 * Converts a schemaless value (String, Long, Integer, Double, Boolean, Map, List, byte[], null) to the
 * Java value a column of a given kind takes. Dialects decide a column's kind and bind the result.
 *
 * <p>Numbers convert between numeric kinds when no digits are lost; strings parse as numbers, booleans
 * ({@code true}/{@code false}), ISO-8601 dates and times, UUIDs or base64 bytes; Map and List become JSON
 * text. A whole number for a date column is epoch milliseconds at UTC midnight (Connect's Date), for a time
 * column milliseconds since midnight, for a timestamp column epoch milliseconds; a zoneless date-time
 * string for a timestamp column is a local time in {@code db.timezone}. A column of a type the database
 * parses from text ({@link ColumnKind#PARSED_TEXT}) takes a string as it is and a number or boolean as its
 * text, and leaves the parsing, and refusing, to the database.
 */
final class SchemalessValues {

    /**
     * What a column stores, as far as converting a value for it goes. {@code PARSED_TEXT}: a type the
     * database reads from the value's text with the column type's own input rules (PostgreSQL's inet,
     * interval, money, enums, ranges, geometric and composite types …), which takes no Map, List or bytes.
     */
    enum ColumnKind {
        BOOLEAN, INTEGER, DECIMAL, FLOAT, TEXT, BINARY, DATE, TIME, TIMESTAMP, JSON, UUID, PARSED_TEXT, UNSUPPORTED
    }

    private SchemalessValues() {
    }

    /** The kind of a column of a standard {@link Types} code. */
    static ColumnKind kindOf(int jdbcType) {
        return switch (jdbcType) {
            case Types.BIT, Types.BOOLEAN -> ColumnKind.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnKind.INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> ColumnKind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnKind.FLOAT;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> ColumnKind.TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnKind.BINARY;
            case Types.DATE -> ColumnKind.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> ColumnKind.TIME;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnKind.TIMESTAMP;
            default -> ColumnKind.UNSUPPORTED;
        };
    }

    /**
     * The value as the column kind's Java type: Boolean, Long, BigDecimal, Double, String, byte[],
     * LocalDate, LocalTime, Instant, JSON text (String), UUID or the text for the database to parse
     * (String); null stays null.
     *
     * @throws DataException naming the column, its type and the value's type when the value does not convert
     */
    static Object convert(ColumnDefinition column, ColumnKind kind, Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        try {
            Object converted = switch (kind) {
                case BOOLEAN -> toBoolean(value);
                case INTEGER -> toLong(value);
                case DECIMAL -> toDecimal(value);
                case FLOAT -> value instanceof Number n ? (Object) n.doubleValue() : fromText(value, Double::valueOf);
                case TEXT -> value instanceof Map || value instanceof List ? JsonText.of(value)
                        : value instanceof byte[] || value instanceof ByteBuffer ? null : value.toString();
                case BINARY -> value instanceof byte[] || value instanceof ByteBuffer ? SqlLiterals.bytes(value)
                        : fromText(value, text -> Base64.getDecoder().decode(text));
                case DATE -> value instanceof Number n ? LocalDate.ofInstant(Instant.ofEpochMilli(n.longValue()), ZoneOffset.UTC)
                        : fromText(value, TemporalValues::parseDate);
                case TIME -> value instanceof Number n ? LocalTime.ofNanoOfDay(n.longValue() * 1_000_000)
                        : fromText(value, TemporalValues::parseTime);
                case TIMESTAMP -> value instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                        : fromText(value, text -> TemporalValues.parseInstant(text, zone));
                case JSON -> value instanceof String text ? text : JsonText.of(value);
                case UUID -> fromText(value, UUID::fromString);
                case PARSED_TEXT -> parsedText(value);
                case UNSUPPORTED -> null;
            };
            if (converted == null) {
                throw cannotConvert(column, value, null);
            }
            return converted;
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw cannotConvert(column, value, e);
        }
    }

    /** The text parsed, or null (no conversion) when the value is not a String. */
    private static Object fromText(Object value, Function<String, ?> parse) {
        return value instanceof String text ? parse.apply(text) : null;
    }

    /**
     * A string as it is; a number as its plain decimal text ({@code 1E+3} and {@code 1.0E20} are no
     * money, interval or range bound), a non-finite double as Java writes it ({@code NaN}, {@code Infinity},
     * as PostgreSQL's floating-point input reads them); a boolean as {@code true} or {@code false}. Null
     * (no conversion) for Map, List and bytes: the text of a JSON document is no value of these types.
     */
    static String parsedText(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return value.toString();
        }
        if (value instanceof Number) {
            return toDecimal(value).toPlainString();
        }
        return value instanceof Boolean ? value.toString() : null;
    }

    private static Object toBoolean(Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1) && n.doubleValue() == n.longValue()) {
            return n.longValue() == 1;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text);
        }
        return null;
    }

    private static Object toLong(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Number || value instanceof String) {
            return toDecimal(value).longValueExact();
        }
        return null;
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof String text) {
            return new BigDecimal(text.strip());
        }
        throw new IllegalArgumentException("not a number");
    }

    /** Binds a value {@link #convert converted} for a column of a standard kind. */
    static void bindConverted(PreparedStatement statement, int index, ColumnDefinition column, Object converted,
            ZoneId zone) throws SQLException {
        if (converted == null) {
            statement.setNull(index, column.jdbcType());
        } else if (converted instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (converted instanceof Long l) {
            statement.setLong(index, l);
        } else if (converted instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (converted instanceof Double d) {
            statement.setDouble(index, d);
        } else if (converted instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (converted instanceof LocalDate date) {
            statement.setObject(index, date, Types.DATE);
        } else if (converted instanceof LocalTime time) {
            statement.setObject(index, time, Types.TIME);
        } else if (converted instanceof Instant instant) {
            statement.setTimestamp(index, TemporalValues.sqlTimestamp(instant), ColumnReaders.calendar(zone));
        } else {
            statement.setString(index, converted.toString());
        }
    }

    static DataException cannotConvert(ColumnDefinition column, Object value, Exception cause) {
        String type = value instanceof Map ? "Map" : value instanceof List ? "List" : value.getClass().getSimpleName();
        String message = "Cannot write a " + type + " value to column " + column.name()
                + " of type " + column.typeName() + (cause == null ? "" : ": " + cause.getMessage());
        return cause == null ? new DataException(message) : new DataException(message, cause);
    }
}
