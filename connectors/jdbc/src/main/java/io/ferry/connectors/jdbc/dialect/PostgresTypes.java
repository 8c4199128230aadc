package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.postgresql.util.PGInterval;

/**
 * The PostgreSQL types the JDBC standard codes do not cover, or cover wrongly: each read as the Connect
 * value a consumer can use without PostgreSQL's help and that the server takes back as written (the sink
 * binds a STRING untyped, so the column's own input function parses it).
 */
final class PostgresTypes {
    /** What money's text holds besides its digits and decimal point: currency sign, group separators, sign. */
    private static final Pattern NOT_MONEY_DIGITS = Pattern.compile("[^0-9.]");

    /** The offset of a time with time zone at UTC, as the server writes it ({@code 00}) without its sign. */
    private static final Pattern ZERO_OFFSET = Pattern.compile("0+(:0+)*");

    /** Money's fraction digits under the {@code C} and English {@code lc_monetary}, as Debezium assumes too. */
    static final int MONEY_SCALE = 2;

    /**
     * Types read as their text, exactly as the server renders it: network addresses, bit strings, XML,
     * text-search vectors, geometric types and range and multirange types.
     */
    private static final Set<String> TEXT = Set.of(
            "inet", "cidr", "macaddr", "macaddr8", "varbit", "xml", "tsvector", "tsquery",
            "point", "line", "lseg", "box", "path", "polygon", "circle",
            "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
            "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange");

    private PostgresTypes() {
    }

    /** The mapping of one of these types by its lower-case name, empty for the others. */
    static Optional<ColumnMapping> mapping(String type, ColumnDefinition column) {
        if (TEXT.contains(type) || "bit".equals(type) && column.precision() > 1) {
            return Optional.of(ColumnReaders.string(column));
        }
        return Optional.ofNullable(switch (type) {
            case "interval" -> interval(column);
            case "money" -> money(column);
            case "timetz" -> timeWithZone(column);
            default -> null;
        });
    }

    /**
     * Whether the type reads as text, so its array elements are the elements' text too. Not {@code bit},
     * which reads as BOOLEAN or text by its length.
     */
    static boolean readsAsText(String type) {
        return TEXT.contains(type);
    }

    /**
     * An interval as ISO-8601 duration text ({@code P1Y2M-3DT4H5M6.789012S}), as PostgreSQL's
     * {@code IntervalStyle iso_8601} renders it: months, days and microseconds stay apart, so the value is
     * exact (a month has no fixed number of seconds) and the server parses the text back unchanged.
     */
    private static ColumnMapping interval(ColumnDefinition column) {
        return ColumnReaders.mapping(ColumnReaders.schema(SchemaBuilder.string(), column), (row, i) -> {
            Object value = row.getObject(i);
            return value == null ? null : isoInterval((PGInterval) value);
        });
    }

    static String isoInterval(PGInterval interval) {
        StringBuilder text = new StringBuilder("P");
        append(text, interval.getYears(), 'Y');
        append(text, interval.getMonths(), 'M');
        append(text, interval.getDays(), 'D');
        BigDecimal seconds = BigDecimal.valueOf(interval.getWholeSeconds())
                .add(BigDecimal.valueOf(interval.getMicroSeconds(), 6)).stripTrailingZeros();
        if (interval.getHours() != 0 || interval.getMinutes() != 0 || seconds.signum() != 0) {
            text.append('T');
            append(text, interval.getHours(), 'H');
            append(text, interval.getMinutes(), 'M');
            if (seconds.signum() != 0) {
                text.append(seconds.toPlainString()).append('S');
            }
        }
        return text.length() == 1 ? "PT0S" : text.toString();
    }

    private static void append(StringBuilder text, int amount, char unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }

    /**
     * Money as a Decimal of scale 2. The driver cannot read money as a number (its text has a currency
     * sign and group separators), so the text is read and stripped of them; an {@code lc_monetary} whose
     * decimal mark is not a point, or with more fraction digits, fails with a message naming the column.
     */
    private static ColumnMapping money(ColumnDefinition column) {
        return ColumnReaders.mapping(ColumnReaders.schema(Decimal.builder(MONEY_SCALE), column), (row, i) -> {
            String text = row.getString(i);
            return text == null ? null : ColumnReaders.rescale(column, parseMoney(column, text), MONEY_SCALE);
        });
    }

    static BigDecimal parseMoney(ColumnDefinition column, String text) {
        boolean negative = text.contains("-") || text.startsWith("(");
        String digits = NOT_MONEY_DIGITS.matcher(text).replaceAll("");
        try {
            BigDecimal value = new BigDecimal(digits);
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            throw new DataException("Column " + column.name() + " (money) holds '" + text
                    + "', which does not read as a number; Ferry reads money in an lc_monetary with a decimal point", e);
        }
    }

    /**
     * A time with time zone as ISO-8601 text with its offset ({@code 12:34:56.123456+05:30}). Connect's Time
     * is a zoneless time of day, and moving the value to UTC would lose the offset PostgreSQL stores.
     */
    private static ColumnMapping timeWithZone(ColumnDefinition column) {
        return ColumnReaders.mapping(ColumnReaders.schema(SchemaBuilder.string(), column), (row, i) -> {
            OffsetTime value = row.getObject(i, OffsetTime.class);
            return value == null ? null : DateTimeFormatter.ISO_OFFSET_TIME.format(value);
        });
    }

    /**
     * A time with time zone's text as the server writes it ({@code 12:34:56.5+05:30}, {@code 08:00:00-02},
     * {@code 00:00:00+00}) as {@link DateTimeFormatter#ISO_OFFSET_TIME} writes it, as a {@code timetz}
     * column reads: the offset with its minutes, a zero offset as {@code Z}. The time of day is kept as
     * written, so {@code 24:00:00}, which PostgreSQL allows and {@link OffsetTime} does not, is kept too.
     */
    static String isoTimeWithZone(String text) {
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        if (sign < 0) {
            return text;
        }
        String offset = text.substring(sign + 1);
        if (ZERO_OFFSET.matcher(offset).matches()) {
            return text.substring(0, sign) + "Z";
        }
        return offset.indexOf(':') < 0 ? text + ":00" : text;
    }
}
