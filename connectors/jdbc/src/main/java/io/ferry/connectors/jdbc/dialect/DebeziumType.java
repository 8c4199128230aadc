package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Debezium's semantic types, recognised by schema name: the names its connectors give fields whose Connect
 * type alone (an INT64, a STRING) does not say what the column held. With its default settings
 * ({@code time.precision.mode=adaptive}, {@code decimal.handling.mode=precise}) a {@code timestamp(6)} column
 * arrives as an INT64 named {@code io.debezium.time.MicroTimestamp}, a {@code uuid} as a STRING named
 * {@code io.debezium.data.Uuid}. The dialects map each to the column type it stands for and bind its
 * {@link #value standard value}; this enum is the one place that knows the names and the encodings.
 *
 * <p>Debezium's Timestamp, MicroTimestamp and NanoTimestamp count from the epoch a date-time that had no
 * zone in the source: they are local date-times, written unchanged whatever {@code db.timezone} is.
 * ZonedTimestamp is an instant (ISO-8601 text with an offset) and is written as Connect's Timestamp is. With
 * {@code time.precision.mode=isostring} dates, times and zoneless timestamps arrive as ISO-8601 text (IsoDate,
 * IsoTime, IsoTimestamp, each with a {@code Z} Debezium adds to zoneless values) and are the same calendar values.
 *
 * <p>A time of {@code 24:00:00}, which PostgreSQL's {@code time} holds and no {@link LocalTime} is, has the
 * standard value {@link #END_OF_DAY}, the text the databases take for it (MariaDB's TIME as well).
 */
public enum DebeziumType {
    /** INT32: days since 1970-01-01. */
    DATE("io.debezium.time.Date", Kind.DATE, 0),
    /** STRING: an ISO-8601 date ({@code 2024-03-01Z}), with {@code time.precision.mode=isostring}. */
    ISO_DATE("io.debezium.time.IsoDate", Kind.DATE, 0),
    /** INT32: a year (MySQL's YEAR). */
    YEAR("io.debezium.time.Year", Kind.YEAR, 0),
    /** INT32: milliseconds past midnight. */
    TIME("io.debezium.time.Time", Kind.TIME, 3),
    /** INT64: microseconds past midnight. */
    MICRO_TIME("io.debezium.time.MicroTime", Kind.TIME, 6),
    /** INT64: nanoseconds past midnight. */
    NANO_TIME("io.debezium.time.NanoTime", Kind.TIME, 9),
    /** STRING: an ISO-8601 time ({@code 12:34:56.789012Z}), with {@code time.precision.mode=isostring}. */
    ISO_TIME("io.debezium.time.IsoTime", Kind.TIME, 9),
    /** INT64: milliseconds since the epoch of a zoneless date-time. */
    TIMESTAMP("io.debezium.time.Timestamp", Kind.LOCAL_TIMESTAMP, 3),
    /** INT64: microseconds since the epoch of a zoneless date-time. */
    MICRO_TIMESTAMP("io.debezium.time.MicroTimestamp", Kind.LOCAL_TIMESTAMP, 6),
    /** INT64: nanoseconds since the epoch of a zoneless date-time. */
    NANO_TIMESTAMP("io.debezium.time.NanoTimestamp", Kind.LOCAL_TIMESTAMP, 9),
    /** STRING: an ISO-8601 zoneless date-time ({@code 2024-03-01T12:34:56.789012Z}), with {@code isostring}. */
    ISO_TIMESTAMP("io.debezium.time.IsoTimestamp", Kind.LOCAL_TIMESTAMP, 9),
    /** STRING: an ISO-8601 date-time with an offset ({@code 2024-05-01T10:15:30.123456Z}). */
    ZONED_TIMESTAMP("io.debezium.time.ZonedTimestamp", Kind.INSTANT, 6),
    /** STRING: an ISO-8601 time with an offset ({@code 10:15:30.123456Z}). */
    ZONED_TIME("io.debezium.time.ZonedTime", Kind.ZONED_TIME, 6),
    /** INT64: an approximate duration in microseconds (a month counted as 365.25 / 12 days). */
    MICRO_DURATION("io.debezium.time.MicroDuration", Kind.DURATION_MICROS, 6),
    /** STRING: an ISO-8601 duration ({@code P1Y2M3DT4H5M6.78S}), with {@code interval.handling.mode=string}. */
    INTERVAL("io.debezium.time.Interval", Kind.INTERVAL, 0),
    /** STRING: a UUID's text. */
    UUID("io.debezium.data.Uuid", Kind.UUID, 0),
    /** STRING: a JSON document (PostgreSQL's json and jsonb, MySQL's JSON). */
    JSON("io.debezium.data.Json", Kind.JSON, 0),
    /** STRING: an XML document. */
    XML("io.debezium.data.Xml", Kind.XML, 0),
    /** STRING: one of the values of an enum type (parameter {@code allowed}). */
    ENUM("io.debezium.data.Enum", Kind.TEXT, 0),
    /** STRING: comma-separated values of a MySQL SET. */
    ENUM_SET("io.debezium.data.EnumSet", Kind.TEXT, 0),
    /** STRUCT {scale INT32, value BYTES}: a decimal whose scale varies from value to value. */
    VARIABLE_SCALE_DECIMAL("io.debezium.data.VariableScaleDecimal", Kind.DECIMAL, 0),
    /** STRUCT {x FLOAT64, y FLOAT64, wkb BYTES, srid INT32}: a point of PostgreSQL's {@code point} type. */
    POINT("io.debezium.data.geometry.Point", Kind.POINT, 0),
    /** BYTES: a bit string, its bits little-endian, parameter {@code length} the column's number of bits. */
    BITS("io.debezium.data.Bits", Kind.BITS, 0),
    /** Any other schema: no semantic type of Debezium's. */
    NONE(null, Kind.NONE, 0);

    /** What a semantic type's {@link #value} is, and so how the dialects store it. */
    public enum Kind {
        /** A {@link LocalDate}. */
        DATE,
        /** An Integer year. */
        YEAR,
        /** A {@link LocalTime}, or {@link DebeziumType#END_OF_DAY}. */
        TIME,
        /** A {@link LocalDateTime} without a zone. */
        LOCAL_TIMESTAMP,
        /** An {@link Instant}. */
        INSTANT,
        /** ISO-8601 time-with-offset text. */
        ZONED_TIME,
        /** A Long of microseconds. */
        DURATION_MICROS,
        /** ISO-8601 duration text. */
        INTERVAL,
        /** UUID text. */
        UUID,
        /** JSON text. */
        JSON,
        /** XML text. */
        XML,
        /** Plain text. */
        TEXT,
        /** A {@link BigDecimal}. */
        DECIMAL,
        /** The bit string as text of 0s and 1s, most significant bit first. */
        BITS,
        /** The point as PostgreSQL's text of it, {@code (x,y)}. */
        POINT,
        NONE
    }

    /** The schema parameter of Bits with the column's number of bits. */
    static final String BITS_LENGTH = "length";
    /** The standard value of the time 24:00:00 (one day past midnight), which is no {@link LocalTime}. */
    public static final String END_OF_DAY = "24:00:00";
    /** The parameter Debezium adds with the source column's type when asked to propagate it. */
    static final String SOURCE_COLUMN_TYPE = "__debezium.source.column.type";

    private static final Map<String, DebeziumType> BY_NAME = new HashMap<>();

    static {
        for (DebeziumType type : values()) {
            if (type.schemaName != null) {
                BY_NAME.put(type.schemaName, type);
            }
        }
    }

    private final String schemaName;
    private final Kind kind;
    private final int fractionDigits;

    DebeziumType(String schemaName, Kind kind, int fractionDigits) {
        this.schemaName = schemaName;
        this.kind = kind;
        this.fractionDigits = fractionDigits;
    }

    /** The semantic type a schema's name says, or {@link #NONE}. */
    public static DebeziumType of(Schema schema) {
        String name = schema == null ? null : schema.name();
        return name == null ? NONE : BY_NAME.getOrDefault(name, NONE);
    }

    /** The schema name Debezium gives the type ({@code io.debezium.time.MicroTimestamp}); null for NONE. */
    public String schemaName() {
        return schemaName;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the standard value is the Connect value's own text (as for Uuid or Json), or there is no semantic type. */
    boolean bindsAsText() {
        return switch (kind) {
            case ZONED_TIME, INTERVAL, UUID, JSON, XML, TEXT, NONE -> true;
            default -> false;
        };
    }

    /** The digits of a second's fraction the type carries: 3, 6 or 9 for times and timestamps. */
    int fractionDigits() {
        return fractionDigits;
    }

    /**
     * A value of this type as the dialects bind it: {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime},
     * {@link Instant}, {@link BigDecimal}, Long (microseconds) or String, as {@link Kind} says; null stays null.
     *
     * @throws DataException when the value is not what Debezium writes for the type, naming the type
     */
    public Object value(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (this) {
                case DATE -> LocalDate.ofEpochDay(((Number) value).longValue());
                case ISO_DATE -> LocalDate.parse((String) value, DateTimeFormatter.ISO_DATE);
                case YEAR -> ((Number) value).intValue();
                case ISO_TIME -> isoTime((String) value);
                case ISO_TIMESTAMP -> isoDateTime((String) value);
                case POINT -> point((Struct) value);
                case TIME -> timeOfDay(((Number) value).longValue() * 1_000_000L);
                case MICRO_TIME -> timeOfDay(((Number) value).longValue() * 1_000L);
                case NANO_TIME -> timeOfDay(((Number) value).longValue());
                case TIMESTAMP -> dateTime(((Number) value).longValue(), 1_000L);
                case MICRO_TIMESTAMP -> dateTime(((Number) value).longValue(), 1_000_000L);
                case NANO_TIMESTAMP -> dateTime(((Number) value).longValue(), 1_000_000_000L);
                case ZONED_TIMESTAMP -> OffsetDateTime.parse((String) value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                case MICRO_DURATION -> ((Number) value).longValue();
                case VARIABLE_SCALE_DECIMAL -> decimal((Struct) value);
                case BITS -> bitString(SqlLiterals.bytes(value), bitLength(schema));
                case ZONED_TIME, INTERVAL, UUID, JSON, XML, ENUM, ENUM_SET -> (String) value;
                case NONE -> value;
            };
        } catch (ClassCastException | DateTimeParseException | ArithmeticException | DataException e) {
            throw new DataException("A value of Debezium's " + schemaName + " must be "
                    + describeEncoding() + ", not " + value + ": " + e.getMessage(), e);
        }
    }

    private String describeEncoding() {
        return switch (this) {
            case DATE -> "an INT32 count of days since 1970-01-01";
            case YEAR -> "an INT32 year";
            case ISO_DATE -> "ISO-8601 date text";
            case ISO_TIME -> "ISO-8601 time text";
            case ISO_TIMESTAMP -> "ISO-8601 date-time text";
            case POINT -> "a struct of FLOAT64 x and y";
            case TIME -> "an INT32 count of milliseconds within a day";
            case MICRO_TIME -> "an INT64 count of microseconds within a day";
            case NANO_TIME -> "an INT64 count of nanoseconds within a day";
            case TIMESTAMP, MICRO_TIMESTAMP, NANO_TIMESTAMP, MICRO_DURATION -> "an INT64";
            case ZONED_TIMESTAMP -> "ISO-8601 date-time text with an offset";
            case VARIABLE_SCALE_DECIMAL -> "a struct of an INT32 scale and BYTES value";
            case BITS -> "BYTES";
            default -> "text";
        };
    }

    /** A LocalTime, or {@link #END_OF_DAY} for exactly one day (PostgreSQL's time 24:00:00). */
    private static Object timeOfDay(long nanos) {
        if (nanos == NANOS_PER_DAY) {
            return END_OF_DAY;
        }
        if (nanos < 0 || nanos > NANOS_PER_DAY) {
            throw new ArithmeticException("the time " + nanos + " ns is not within a day");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** An IsoTime's text as a LocalTime (its offset, Debezium's {@code Z}, dropped), or {@link #END_OF_DAY}. */
    private static Object isoTime(String text) {
        if (text.startsWith(END_OF_DAY) && text.substring(END_OF_DAY.length()).matches("(\\.0*)?(Z|[+-]00:?00)?")) {
            return END_OF_DAY;
        }
        return LocalTime.parse(text, DateTimeFormatter.ISO_TIME);
    }

    /** An IsoTimestamp's text as a LocalDateTime: written with Debezium's {@code Z}, or another offset taken to UTC. */
    private static LocalDateTime isoDateTime(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(parsed).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return LocalDateTime.from(parsed);
    }

    /** A Point as PostgreSQL's text of a point; its WKB and SRID are not kept (a {@code point} has none). */
    private static String point(Struct struct) {
        Double x = struct.getFloat64("x");
        Double y = struct.getFloat64("y");
        if (x == null || y == null) {
            throw new ArithmeticException("the struct lacks its x or y");
        }
        return "(" + x + "," + y + ")";
    }

    /** The text of a TIME kind's standard value: {@code HH:mm:ss.fraction}, or {@link #END_OF_DAY}. */
    static String timeText(Object standard) {
        return standard instanceof LocalTime time ? TemporalValues.text(time) : (String) standard;
    }

    private static LocalDateTime dateTime(long count, long perSecond) {
        long seconds = Math.floorDiv(count, perSecond);
        long nanos = Math.floorMod(count, perSecond) * (1_000_000_000L / perSecond);
        return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
    }

    private static BigDecimal decimal(Struct struct) {
        Object unscaled = struct.get("value");
        Integer scale = struct.getInt32("scale");
        if (unscaled == null || scale == null) {
            throw new ArithmeticException("the struct lacks its scale or value");
        }
        return new BigDecimal(new BigInteger(SqlLiterals.bytes(unscaled)), scale);
    }

    /** The {@code length} parameter of a Bits schema, or -1 when it has none. */
    static int bitLength(Schema schema) {
        String length = schema.parameters() == null ? null : schema.parameters().get(BITS_LENGTH);
        return length == null ? -1 : Integer.parseInt(length);
    }

    /**
     * The bits of little-endian bytes as text, most significant first, padded with leading zeros to
     * {@code length} when the bytes are as many as that length takes (a {@code bit(n)} column's values);
     * a {@code bit varying} column's bytes are as many as the value needs, so its leading zeros are unknown.
     */
    static String bitString(byte[] littleEndian, int length) {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        String bits = new BigInteger(1, bigEndian).toString(2);
        boolean padded = length > 0 && (length + 7) / 8 == littleEndian.length && bits.length() <= length;
        return padded ? "0".repeat(length - bits.length()) + bits : bits;
    }

    /** Whether the schema says its source column was a PostgreSQL jsonb (when Debezium propagates source types). */
    static boolean fromJsonb(Schema schema) {
        String type = schema.parameters() == null ? null : schema.parameters().get(SOURCE_COLUMN_TYPE);
        return "JSONB".equalsIgnoreCase(type);
    }
}
