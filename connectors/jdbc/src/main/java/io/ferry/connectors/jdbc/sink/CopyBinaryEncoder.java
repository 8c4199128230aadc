package io.ferry.connectors.jdbc.sink;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.DebeziumType;
import io.ferry.connectors.jdbc.dialect.PostgresTemporalText;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Encodes rows in PostgreSQL's binary COPY format, for the pairs of Connect schema and column type whose
 * binary form the database reads as exactly the value {@link CopyTextEncoder} writes as text: integers at the
 * column's width, {@code real} and {@code double precision} from the float of the same width, {@code boolean},
 * text into {@code text}, {@code varchar} and {@code char} as UTF-8, bytes into {@code bytea}, a Decimal into
 * {@code numeric} with the value's own scale as display scale (the text path's {@code toPlainString}), a Date
 * into {@code date} and a Time into {@code time} as the UTC day and time of day they stand for, and a Timestamp
 * into {@code timestamp} as its local date-time in {@code db.timezone} or into {@code timestamptz} as the
 * instant. The database applies the column's length, precision and scale on receive as it does on text input.
 * Any other pair ({@link #field} returns null), and Debezium's semantic types, stay on the text path.
 * Not thread-safe.
 */
final class CopyBinaryEncoder {
    /** The file header: signature, flags (no OIDs) and an empty header extension. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** The field count -1 that ends the data. */
    static final short TRAILER = -1;

    /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int POSTGRES_EPOCH_DAYS = 10_957;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int NUMERIC_POSITIVE = 0x0000;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final int NUMERIC_MAX_DISPLAY_SCALE = 0x3FFF;
    private static final int NBASE = 10_000;

    /** The binary forms this encoder writes: each a column type and the Connect values it reads. */
    enum Field {
        INT2, INT4, INT8, FLOAT4, FLOAT8, BOOL, TEXT, BYTEA, NUMERIC, DATE, TIME, TIMESTAMP, TIMESTAMPTZ
    }

    private final ZoneId timeZone;
    /** The zone's offset when it has one offset (UTC, the default), so a timestamp needs no rules lookup. */
    private final ZoneOffset fixedOffset;
    /** Base-10000 digits of a numeric, least significant first; reused for every value. */
    private int[] digits = new int[8];

    CopyBinaryEncoder(ZoneId timeZone) {
        this.timeZone = timeZone;
        this.fixedOffset = timeZone.getRules().isFixedOffset() ? timeZone.getRules().getOffset(Instant.EPOCH) : null;
    }

    /**
     * The binary form a value of {@code schema} takes in {@code column}, or null when it goes as text: no
     * schema, a Debezium semantic type, a container, or a pair whose binary and text forms could differ
     * (a float into a column of another width, a Timestamp into a date column).
     */
    static Field field(Schema schema, ColumnDefinition column) {
        if (schema == null || DebeziumType.of(schema) != DebeziumType.NONE) {
            return null;
        }
        String type = column.typeName().toLowerCase(Locale.ROOT);
        String logical = schema.name();
        if (logical != null) {
            return switch (logical) {
                case Decimal.LOGICAL_NAME -> type.equals("numeric") ? Field.NUMERIC : null;
                case Date.LOGICAL_NAME -> type.equals("date") ? Field.DATE : null;
                case Time.LOGICAL_NAME -> type.equals("time") ? Field.TIME : null;
                case Timestamp.LOGICAL_NAME -> switch (type) {
                    case "timestamp" -> Field.TIMESTAMP;
                    case "timestamptz" -> Field.TIMESTAMPTZ;
                    default -> null;
                };
                default -> null; // a named schema of another kind: its text is what the database knows
            };
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64 -> integer(type);
            case FLOAT32 -> type.equals("float4") ? Field.FLOAT4 : null;
            case FLOAT64 -> type.equals("float8") ? Field.FLOAT8 : null;
            case BOOLEAN -> type.equals("bool") ? Field.BOOL : null;
            case STRING -> type.equals("text") || type.equals("varchar") || type.equals("bpchar") ? Field.TEXT : null;
            case BYTES -> type.equals("bytea") ? Field.BYTEA : null;
            default -> null;
        };
    }

    /** The driver names a column with a sequence default {@code serial}, {@code bigserial} or {@code smallserial}. */
    private static Field integer(String type) {
        return switch (type) {
            case "int2", "smallserial" -> Field.INT2;
            case "int4", "serial" -> Field.INT4;
            case "int8", "bigserial" -> Field.INT8;
            default -> null;
        };
    }

    /**
     * The binary forms of the group's columns in order, or null when one of them must go as text.
     *
     * @param columns the table's columns in the order of the shape's key then value columns
     */
    static Field[] fields(List<ColumnValue.ColumnSlot> slots, List<ColumnDefinition> columns) {
        Field[] fields = new Field[slots.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = field(slots.get(i).schema(), columns.get(i));
            if (fields[i] == null) {
                return null;
            }
        }
        return fields;
    }

    /** Appends one tuple: the field count, then each field's length and bytes (-1 and none for NULL). */
    void appendRow(CopyBinaryBuffer out, List<ColumnValue> values, Field[] fields) throws SQLException {
        out.putShort(fields.length);
        for (int i = 0; i < fields.length; i++) {
            appendValue(out, fields[i], values.get(i).value());
        }
    }

    /**
     * Appends one field.
     *
     * @throws SQLException (SQLState 22003 or 22008) a value the column's binary form cannot hold: an integer
     *         out of the column's range, a numeric, date or timestamp beyond PostgreSQL's; the caller writes the rows again
     *         with statements, which report the database's own error
     */
    void appendValue(CopyBinaryBuffer out, Field field, Object value) throws SQLException {
        if (value == null) {
            out.putInt(-1);
            return;
        }
        switch (field) {
            case INT2 -> out.putInt(2).putShort((short) inRange(((Number) value).longValue(), Short.MIN_VALUE, Short.MAX_VALUE, "smallint"));
            case INT4 -> out.putInt(4).putInt((int) inRange(((Number) value).longValue(), Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"));
            case INT8 -> out.putInt(8).putLong(((Number) value).longValue());
            case FLOAT4 -> out.putInt(4).putInt(Float.floatToRawIntBits((Float) value));
            case FLOAT8 -> out.putInt(8).putLong(Double.doubleToRawLongBits((Double) value));
            case BOOL -> out.putInt(1).putByte((Boolean) value ? 1 : 0);
            case TEXT -> bytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case BYTEA -> bytes(out, value);
            case NUMERIC -> numeric(out, (BigDecimal) value);
            case DATE -> out.putInt(4).putInt(days(((java.util.Date) value).getTime()));
            case TIME -> out.putInt(8).putLong(Math.floorMod(((java.util.Date) value).getTime(), MILLIS_PER_DAY) * 1_000L);
            case TIMESTAMP -> out.putInt(8).putLong(timestamp(((java.util.Date) value).getTime(), true));
            case TIMESTAMPTZ -> out.putInt(8).putLong(timestamp(((java.util.Date) value).getTime(), false));
            default -> throw new IllegalStateException("no binary form for " + field);
        }
    }

    private static long inRange(long value, long min, long max, String type) throws SQLException {
        if (value < min || value > max) {
            throw new SQLException("value " + value + " is out of range for type " + type, "22003");
        }
        return value;
    }

    private static void bytes(CopyBinaryBuffer out, Object value) {
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            out.putInt(view.remaining());
            if (view.hasArray()) {
                out.put(view.array(), view.arrayOffset() + view.position(), view.remaining());
            } else {
                byte[] copy = new byte[view.remaining()];
                view.get(copy);
                out.put(copy, 0, copy.length);
            }
            return;
        }
        byte[] bytes = (byte[]) value;
        out.putInt(bytes.length).put(bytes, 0, bytes.length);
    }

    /** The UTC day of the instant, as days since 2000-01-01 (the text path's {@code LocalDate.ofInstant(…, UTC)}). */
    private static int days(long epochMillis) throws SQLException {
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY) - POSTGRES_EPOCH_DAYS;
        if (days != (int) days) {
            throw new SQLException("date out of range: " + epochMillis + " ms since the epoch", "22008");
        }
        return (int) days;
    }

    /**
     * Microseconds since 2000-01-01: of the local date-time in {@code db.timezone} for a {@code timestamp}
     * column, of the instant for {@code timestamptz}; PostgreSQL's infinities for the instants that stand for them.
     */
    private long timestamp(long epochMillis, boolean local) throws SQLException {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        String infinity = PostgresTemporalText.infinity(instant);
        if (infinity != null) {
            return infinity.charAt(0) == '-' ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        try {
            long millis = epochMillis;
            if (local) {
                ZoneOffset offset = fixedOffset != null ? fixedOffset : timeZone.getRules().getOffset(instant);
                millis = Math.addExact(millis, offset.getTotalSeconds() * 1_000L);
            }
            // beyond PostgreSQL's range (294276 AD) the microseconds would wrap around into a wrong, valid-looking value
            return Math.subtractExact(Math.multiplyExact(millis, 1_000L), POSTGRES_EPOCH_MICROS);
        } catch (ArithmeticException e) {
            throw new SQLException("timestamp out of range: " + epochMillis + " ms since the epoch", "22008", e);
        }
    }

    /**
     * PostgreSQL's binary numeric: the number of base-10000 digits, the weight of the first (its power of
     * 10000), the sign, the display scale, then the digits, most significant first, without leading or
     * trailing zero digits. The display scale is the value's scale (0 for a negative one), the digits after
     * the point that {@link BigDecimal#toPlainString} writes.
     */
    void numeric(CopyBinaryBuffer out, BigDecimal value) throws SQLException {
        int scale = value.scale();
        BigInteger unscaled = value.unscaledValue();
        if (scale < 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(-scale));
            scale = 0;
        }
        if (scale > NUMERIC_MAX_DISPLAY_SCALE) {
            throw new SQLException("numeric scale " + scale + " is beyond PostgreSQL's " + NUMERIC_MAX_DISPLAY_SCALE, "22003");
        }
        int pad = (4 - scale % 4) % 4; // whole base-10000 digits after the point
        int fractionDigits = (scale + pad) / 4;
        int count = unscaled.signum() == 0 ? 0 : baseTenThousand(unscaled.abs(), pad);
        int lowest = 0;
        while (lowest < count && digits[lowest] == 0) {
            lowest++;
        }
        int weight = count == 0 ? 0 : count - 1 - fractionDigits;
        if (weight != (short) weight) {
            throw new SQLException("value overflows numeric format: " + value, "22003");
        }
        int ndigits = count - lowest;
        out.putInt(8 + 2 * ndigits).putShort(ndigits).putShort(weight)
                .putShort(unscaled.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE).putShort(scale);
        for (int i = count - 1; i >= lowest; i--) {
            out.putShort(digits[i]);
        }
    }

    /** Fills {@link #digits} with the magnitude times 10^pad in base 10000, least significant first; returns how many. */
    private int baseTenThousand(BigInteger magnitude, int pad) {
        if (magnitude.bitLength() < 50) { // times 10^3 at most still fits a long
            long rest = magnitude.longValue() * (pad == 0 ? 1 : pad == 1 ? 10 : pad == 2 ? 100 : 1000);
            int count = 0;
            while (rest != 0) {
                digits = ensure(digits, count + 1);
                digits[count++] = (int) (rest % NBASE);
                rest /= NBASE;
            }
            return count;
        }
        String decimal = magnitude.toString() + "000".substring(0, pad);
        int count = (decimal.length() + 3) / 4;
        digits = ensure(digits, count);
        for (int i = 0; i < count; i++) {
            int end = decimal.length() - 4 * i;
            digits[i] = Integer.parseInt(decimal, Math.max(0, end - 4), end, 10);
        }
        return count;
    }

    private static int[] ensure(int[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }
}
