package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

import io.ferry.connectors.jdbc.dialect.SchemalessValues.ColumnKind;

/**
 * SQLite's columns by declared type. A value's storage class is per row, so the declared type name
 * decides the mapping, by SQLite's affinity rules plus the names SQLite has no affinity for:
 * BOOLEAN; DATE, TIME, DATETIME and TIMESTAMP; NUMERIC and DECIMAL (with their declared precision and
 * scale); JSON. Date/time values may be stored as ISO-8601 text (zoneless text is a local time in
 * {@code db.timezone}), as integers (epoch milliseconds; for a DATE column the UTC day of them, for a TIME
 * column milliseconds since midnight: Connect's own encodings) or as reals (Julian day numbers, as
 * SQLite's {@code julianday()} returns them).
 */
final class SqliteTypes {
    private static final Pattern PRECISION_SCALE = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    /** The Julian day number of 1970-01-01T00:00Z. */
    private static final double UNIX_EPOCH_JULIAN_DAY = 2440587.5;
    private static final double MILLIS_PER_DAY = 86_400_000d;

    private SqliteTypes() {
    }

    /** The kinds of declared type this dialect tells apart. */
    enum DeclaredType {
        BOOLEAN, DATE, TIME, TIMESTAMP, DECIMAL, JSON, INTEGER, TEXT, BLOB, REAL, OTHER
    }

    /** The declared type's kind: the named types first, then SQLite's affinity rules in their order. */
    static DeclaredType classify(String typeName) {
        String type = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT).strip();
        String base = type.split("[\\s(]", 2)[0];
        switch (base) {
            case "BOOLEAN", "BOOL" -> {
                return DeclaredType.BOOLEAN;
            }
            case "DATE" -> {
                return DeclaredType.DATE;
            }
            case "TIME" -> {
                return DeclaredType.TIME;
            }
            case "DATETIME", "TIMESTAMP" -> {
                return DeclaredType.TIMESTAMP;
            }
            case "NUMERIC", "DECIMAL" -> {
                return DeclaredType.DECIMAL;
            }
            case "JSON" -> {
                return DeclaredType.JSON;
            }
            default -> {
            }
        }
        if (type.contains("INT")) {
            return DeclaredType.INTEGER;
        }
        if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
            return DeclaredType.TEXT;
        }
        if (type.contains("BLOB")) {
            return DeclaredType.BLOB;
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return DeclaredType.REAL;
        }
        return DeclaredType.OTHER;
    }

    static Optional<ColumnMapping> mapping(ColumnDefinition column, ReadOptions options) {
        ZoneId zone = options.timeZone();
        return Optional.ofNullable(switch (classify(column.typeName())) {
            case BOOLEAN -> ColumnReaders.bool(column);
            case INTEGER -> ColumnReaders.int64(column);
            case REAL -> ColumnReaders.float64(column);
            case TEXT, JSON -> ColumnReaders.string(column);
            case BLOB -> ColumnReaders.bytes(column);
            case DECIMAL -> decimal(column, options);
            case DATE -> ColumnReaders.mapping(ColumnReaders.schema(Date.builder(), column),
                    (row, i) -> date(column, row.getObject(i)));
            case TIME -> ColumnReaders.mapping(ColumnReaders.schema(Time.builder(), column),
                    (row, i) -> time(column, row.getObject(i)));
            case TIMESTAMP -> ColumnReaders.mapping(ColumnReaders.schema(Timestamp.builder(), column),
                    (row, i) -> timestamp(column, row.getObject(i), zone));
            case OTHER -> null;
        });
    }

    /**
     * A NUMERIC or DECIMAL column by {@code numeric.mapping}, with the precision and scale of its
     * declaration. SQLite enforces neither: its NUMERIC affinity stores a number as an INTEGER or a REAL
     * (15 significant digits), so a Decimal is the stored value rounded half-even to the declared scale.
     */
    private static ColumnMapping decimal(ColumnDefinition column, ReadOptions options) {
        ColumnDefinition declared = withDeclaredPrecision(column);
        ColumnMapping mapping = NumericMapper.mapping(declared, options.numericMapping());
        if (!Decimal.LOGICAL_NAME.equals(mapping.schema().name())) {
            return mapping;
        }
        int scale = Math.max(declared.scale(), 0);
        return ColumnReaders.mapping(mapping.schema(), (row, i) -> {
            BigDecimal value = decimalValue(column, row.getObject(i));
            return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
        });
    }

    private static BigDecimal decimalValue(ColumnDefinition column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw unreadable(column, value, e);
        }
    }

    /** The column with the precision and scale of its declared type, {@code DECIMAL(10,2)}, where the driver left them out. */
    static ColumnDefinition withDeclaredPrecision(ColumnDefinition column) {
        Matcher matcher = PRECISION_SCALE.matcher(column.typeName() == null ? "" : column.typeName());
        if (!matcher.find()) {
            return column;
        }
        int precision = Integer.parseInt(matcher.group(1));
        int scale = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        return new ColumnDefinition(column.name(), column.jdbcType(), column.typeName(), precision, scale,
                column.nullable(), column.autoIncrement(), column.primaryKey(), column.hasDefault());
    }

    static java.util.Date date(ColumnDefinition column, Object value) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = value instanceof Double julian ? julianInstant(julian).atOffset(ZoneOffset.UTC).toLocalDate()
                    : value instanceof Number millis ? LocalDate.ofInstant(Instant.ofEpochMilli(millis.longValue()), ZoneOffset.UTC)
                    : TemporalValues.parseDate(value.toString());
            return TemporalValues.connectDate(date);
        } catch (RuntimeException e) {
            throw unreadable(column, value, e);
        }
    }

    static java.util.Date time(ColumnDefinition column, Object value) {
        if (value == null) {
            return null;
        }
        try {
            LocalTime time = value instanceof Number millis && !(value instanceof Double)
                    ? LocalTime.ofNanoOfDay(Math.floorMod(millis.longValue(), (long) MILLIS_PER_DAY) * 1_000_000)
                    : TemporalValues.parseTime(value.toString());
            return TemporalValues.connectTime(time);
        } catch (RuntimeException e) {
            throw unreadable(column, value, e);
        }
    }

    static java.sql.Timestamp timestamp(ColumnDefinition column, Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = value instanceof Double julian ? julianInstant(julian)
                    : value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue())
                    : TemporalValues.parseInstant(value.toString(), zone);
            return TemporalValues.sqlTimestamp(instant);
        } catch (RuntimeException e) {
            throw unreadable(column, value, e);
        }
    }

    private static Instant julianInstant(double julianDay) {
        return Instant.ofEpochMilli(Math.round((julianDay - UNIX_EPOCH_JULIAN_DAY) * MILLIS_PER_DAY));
    }

    private static DataException unreadable(ColumnDefinition column, Object value, Exception cause) {
        return new DataException("Column " + column.name() + " (" + column.typeName() + ") holds '" + value
                + "', which is not a " + classify(column.typeName()).name().toLowerCase(Locale.ROOT) + " value", cause);
    }

    /** The kind of a column for converting a schemaless value. */
    static ColumnKind kind(ColumnDefinition column) {
        return switch (classify(column.typeName())) {
            case BOOLEAN -> ColumnKind.BOOLEAN;
            case DATE -> ColumnKind.DATE;
            case TIME -> ColumnKind.TIME;
            case TIMESTAMP -> ColumnKind.TIMESTAMP;
            case DECIMAL -> ColumnKind.DECIMAL;
            case JSON -> ColumnKind.JSON;
            case INTEGER -> ColumnKind.INTEGER;
            case TEXT -> ColumnKind.TEXT;
            case BLOB -> ColumnKind.BINARY;
            case REAL -> ColumnKind.FLOAT;
            case OTHER -> ColumnKind.TEXT;
        };
    }
}
