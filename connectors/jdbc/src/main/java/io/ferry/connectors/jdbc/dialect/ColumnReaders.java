package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The column mappings every dialect shares: Connect schemas with the column's optionality and the
 * readers of the JDBC standard types. Dialects pick from these by type name and add their own.
 */
final class ColumnReaders {
    private ColumnReaders() {
    }

    /** Reads one column of the current row. */
    @FunctionalInterface
    interface ValueReader {
        Object read(ResultSet row, int index) throws SQLException;
    }

    private record SimpleColumnMapping(Schema schema, ValueReader reader) implements ColumnMapping {
        @Override
        public Object read(ResultSet row, int index) throws SQLException {
            return reader.read(row, index);
        }
    }

    static ColumnMapping mapping(Schema schema, ValueReader reader) {
        return new SimpleColumnMapping(schema, reader);
    }

    /** The builder's schema, optional when the column is nullable. */
    static Schema schema(SchemaBuilder builder, ColumnDefinition column) {
        return (column.nullable() ? builder.optional() : builder).build();
    }

    /** The mapping of a standard {@link Types} code, empty for the codes without one. */
    static Optional<ColumnMapping> standard(ColumnDefinition column, ReadOptions options) {
        return Optional.ofNullable(switch (column.jdbcType()) {
            case Types.BIT, Types.BOOLEAN -> bool(column);
            case Types.TINYINT -> int8(column);
            case Types.SMALLINT -> int16(column);
            case Types.INTEGER -> int32(column);
            case Types.BIGINT -> int64(column);
            case Types.REAL -> float32(column);
            case Types.FLOAT, Types.DOUBLE -> float64(column);
            case Types.NUMERIC, Types.DECIMAL -> NumericMapper.mapping(column, options.numericMapping());
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> string(column);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> bytes(column);
            case Types.DATE -> date(column);
            case Types.TIME -> time(column);
            case Types.TIMESTAMP -> timestamp(column, options.timeZone());
            case Types.TIMESTAMP_WITH_TIMEZONE -> instantTimestamp(column);
            default -> null;
        });
    }

    static ColumnMapping bool(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.bool(), column), (row, i) -> {
            boolean value = row.getBoolean(i);
            return row.wasNull() ? null : value;
        });
    }

    static ColumnMapping int8(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.int8(), column), (row, i) -> {
            byte value = row.getByte(i);
            return row.wasNull() ? null : value;
        });
    }

    static ColumnMapping int16(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.int16(), column), (row, i) -> {
            short value = row.getShort(i);
            return row.wasNull() ? null : value;
        });
    }

    static ColumnMapping int32(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.int32(), column), (row, i) -> {
            int value = row.getInt(i);
            return row.wasNull() ? null : value;
        });
    }

    static ColumnMapping int64(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.int64(), column), (row, i) -> {
            long value = row.getLong(i);
            return row.wasNull() ? null : value;
        });
    }

    static ColumnMapping float32(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.float32(), column), (row, i) -> {
            float value = row.getFloat(i);
            return row.wasNull() ? null : value;
        });
    }

    static ColumnMapping float64(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.float64(), column), (row, i) -> {
            double value = row.getDouble(i);
            return row.wasNull() ? null : value;
        });
    }

    static ColumnMapping string(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.string(), column), ResultSet::getString);
    }

    static ColumnMapping bytes(ColumnDefinition column) {
        return mapping(schema(SchemaBuilder.bytes(), column), ResultSet::getBytes);
    }

    /**
     * A Decimal of the given scale. A value with more fraction digits than the scale (possible only
     * where the column's declared scale is not binding, as in an unconstrained NUMERIC) fails rather
     * than being rounded silently.
     */
    static ColumnMapping decimal(ColumnDefinition column, int scale) {
        return mapping(schema(decimalBuilder(column, scale), column), (row, i) -> {
            BigDecimal value = row.getBigDecimal(i);
            return value == null ? null : rescale(column, value, scale);
        });
    }

    /**
     * A Decimal of the scale that carries the column's declared precision, when it has one, in the
     * {@code connect.decimal.precision} parameter, as Confluent's JDBC source does; the sink then creates
     * the same NUMERIC(p, s).
     */
    static SchemaBuilder decimalBuilder(ColumnDefinition column, int scale) {
        SchemaBuilder builder = Decimal.builder(scale);
        if (column.precision() > 0) {
            builder.parameter(LogicalType.DECIMAL_PRECISION, Integer.toString(column.precision()));
        }
        return builder;
    }

    static BigDecimal rescale(ColumnDefinition column, BigDecimal value, int scale) {
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new DataException("Column " + column.name() + " (" + column.typeName() + ") holds " + value
                    + ", which has more than the " + scale + " fraction digits of its Connect Decimal; "
                    + "declare the column's scale or set numeric.mapping=best_fit_eager_double");
        }
    }

    /** A calendar day: the date's own fields, no zone applies (Connect's Date is a day, not an instant). */
    static ColumnMapping date(ColumnDefinition column) {
        return mapping(schema(Date.builder(), column), (row, i) -> {
            LocalDate value = row.getObject(i, LocalDate.class);
            try {
                return value == null ? null : TemporalValues.connectDate(value);
            } catch (ArithmeticException e) {
                throw new DataException("Column " + column.name() + " (" + column.typeName() + ") holds " + value
                        + ", a day no Connect Date can hold", e);
            }
        });
    }

    /** A time of day: the time's own fields at millisecond precision, no zone applies. */
    static ColumnMapping time(ColumnDefinition column) {
        return mapping(schema(Time.builder(), column), (row, i) -> {
            LocalTime value = row.getObject(i, LocalTime.class);
            return value == null ? null : TemporalValues.connectTime(value);
        });
    }

    /**
     * A zoneless timestamp read as a {@link LocalDateTime} and taken as a local date-time in {@code zone},
     * returned as a {@link java.sql.Timestamp} so that its nanoseconds survive. Read through java.time, as
     * the database stores it: a {@code getTimestamp} would count the days before 1582-10-15 in the Julian
     * calendar, and the epoch milliseconds of 0001-01-01 would be two days off the proleptic ones Connect's
     * Timestamp stands for.
     */
    static ColumnMapping timestamp(ColumnDefinition column, ZoneId zone) {
        return mapping(schema(Timestamp.builder(), column), (row, i) -> {
            LocalDateTime value = row.getObject(i, LocalDateTime.class);
            return value == null ? null : connectTimestamp(column, value, () -> value.atZone(zone).toInstant());
        });
    }

    /** A timestamp that carries its zone (PostgreSQL's timestamptz), read as the instant it is, as {@link #timestamp} reads. */
    static ColumnMapping instantTimestamp(ColumnDefinition column) {
        return mapping(schema(Timestamp.builder(), column), (row, i) -> {
            OffsetDateTime value = row.getObject(i, OffsetDateTime.class);
            return value == null ? null : connectTimestamp(column, value, value::toInstant);
        });
    }

    private static java.sql.Timestamp connectTimestamp(ColumnDefinition column, Object value, Supplier<Instant> instant) {
        java.sql.Timestamp infinity = TemporalValues.infinity(value);
        if (infinity != null) {
            return infinity;
        }
        try {
            return TemporalValues.sqlTimestamp(instant.get());
        } catch (RuntimeException e) {
            throw new DataException("Column " + column.name() + " (" + column.typeName() + ") holds " + value
                    + ", an instant no Connect Timestamp can hold", e);
        }
    }

    /** The calendar last handed out on this thread, with its zone. */
    private record ZonedCalendar(ZoneId zone, Calendar calendar) {
    }

    private static final ThreadLocal<ZonedCalendar> CALENDARS = new ThreadLocal<>();

    /**
     * A calendar in the zone for one driver call on this thread. Drivers set its fields (so it is not
     * shared between threads) but use it only during the call, so the thread reuses it: building a
     * calendar per value costs more than reading the value.
     */
    static Calendar calendar(ZoneId zone) {
        ZonedCalendar cached = CALENDARS.get();
        if (cached == null || !cached.zone().equals(zone)) {
            cached = new ZonedCalendar(zone, Calendar.getInstance(TimeZone.getTimeZone(zone)));
            CALENDARS.set(cached);
        }
        return cached.calendar();
    }
}
