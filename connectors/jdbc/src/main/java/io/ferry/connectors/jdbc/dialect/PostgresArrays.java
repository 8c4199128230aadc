package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.postgresql.util.PGInterval;

/**
 * PostgreSQL's arrays as Connect ARRAYs of optional elements, nested as deep as the column declares, both
 * ways. Elements of zoneless date-times are read as local times in {@code db.timezone}; the driver builds
 * them in the JVM's zone, so their local fields are taken back from it before the zone is applied.
 */
final class PostgresArrays {

    /** An element type: its Connect schema and how a driver element becomes a Connect value. */
    private record Element(Supplier<SchemaBuilder> schema, BiFunction<Object, ZoneId, Object> read) {
    }

    private static final Map<String, Element> ELEMENTS = Map.ofEntries(
            Map.entry("int2", new Element(SchemaBuilder::int16, (v, z) -> ((Number) v).shortValue())),
            Map.entry("int4", new Element(SchemaBuilder::int32, (v, z) -> ((Number) v).intValue())),
            Map.entry("int8", new Element(SchemaBuilder::int64, (v, z) -> ((Number) v).longValue())),
            Map.entry("float4", new Element(SchemaBuilder::float32, (v, z) -> ((Number) v).floatValue())),
            Map.entry("float8", new Element(SchemaBuilder::float64, (v, z) -> ((Number) v).doubleValue())),
            Map.entry("bool", new Element(SchemaBuilder::bool, (v, z) -> v)),
            Map.entry("text", stringElement()),
            Map.entry("varchar", stringElement()),
            Map.entry("bpchar", stringElement()),
            Map.entry("name", stringElement()),
            Map.entry("citext", stringElement()),
            Map.entry("interval", new Element(SchemaBuilder::string, (v, z) -> PostgresTypes.isoInterval((PGInterval) v))),
            Map.entry("uuid", stringElement()),
            Map.entry("json", stringElement()),
            Map.entry("jsonb", stringElement()),
            Map.entry("bytea", new Element(SchemaBuilder::bytes, (v, z) -> v)),
            Map.entry("date", new Element(Date::builder,
                    (v, z) -> TemporalValues.connectDate(((java.sql.Date) v).toLocalDate()))),
            Map.entry("time", new Element(Time::builder,
                    (v, z) -> TemporalValues.connectTime(localTime((java.sql.Time) v)))),
            Map.entry("timestamp", new Element(Timestamp::builder,
                    (v, z) -> TemporalValues.sqlTimestamp(((java.sql.Timestamp) v).toLocalDateTime().atZone(z).toInstant()))),
            Map.entry("timestamptz", new Element(Timestamp::builder, (v, z) -> v)));

    private PostgresArrays() {
    }

    /** The time of day of a driver element with its milliseconds, which {@link java.sql.Time#toLocalTime()} drops. */
    private static java.time.LocalTime localTime(java.sql.Time time) {
        return time.toLocalTime().plusNanos(Math.floorMod(time.getTime(), 1000L) * 1_000_000L);
    }

    private static Element stringElement() {
        return new Element(SchemaBuilder::string, (v, z) -> v.toString());
    }

    /**
     * The mapping of an array column ({@code _int4}, {@code _text} …), empty for element types without one.
     * {@code numeric[]} elements are Decimals with the column's declared scale. A column that declares
     * n &gt; 1 dimensions ({@code int4[][]}, recorded by the catalog only) maps to n nested ARRAYs; a value
     * with another number of dimensions fails, naming the column, since the schema cannot change per row.
     */
    static java.util.Optional<ColumnMapping> mapping(ColumnDefinition column, ReadOptions options) {
        String elementType = column.typeName().substring(1);
        Element element = "numeric".equals(elementType) ? decimalElement(column)
                : PostgresTypes.readsAsText(elementType) ? stringElement() : ELEMENTS.get(elementType);
        if (element == null) {
            return java.util.Optional.empty();
        }
        int dimensions = Math.max(1, column.arrayDimensions());
        Schema inner = element.schema().get().optional().build();
        for (int d = 1; d < dimensions; d++) {
            inner = SchemaBuilder.array(inner).optional().build();
        }
        Schema schema = ColumnReaders.schema(SchemaBuilder.array(inner), column);
        ZoneId zone = options.timeZone();
        return java.util.Optional.of(ColumnReaders.mapping(schema, (row, i) -> {
            Array array = row.getArray(i);
            if (array == null) {
                return null;
            }
            try {
                return list(column, (Object[]) array.getArray(), dimensions, element, zone);
            } finally {
                array.free();
            }
        }));
    }

    /** The Connect list of one level of a driver array, {@code depth} levels deep. */
    private static List<Object> list(ColumnDefinition column, Object[] array, int depth, Element element, ZoneId zone) {
        List<Object> values = new ArrayList<>(array.length);
        for (Object value : array) {
            if (value == null) {
                values.add(null);
            } else if (value instanceof Object[] nested && depth > 1) {
                values.add(list(column, nested, depth - 1, element, zone));
            } else if (value instanceof Object[] || depth > 1) {
                int declared = Math.max(1, column.arrayDimensions());
                throw new DataException("Column " + column.name() + " (" + column.typeName() + ") holds an array of "
                        + (value instanceof Object[] ? "more" : "fewer") + " dimensions than the " + declared
                        + " its schema has; declare the column with its dimensions (int[][] for two) to read nested arrays");
            } else {
                values.add(element.read().apply(value, zone));
            }
        }
        return values;
    }

    private static Element decimalElement(ColumnDefinition column) {
        int scale = Math.max(column.scale(), 0);
        return new Element(() -> ColumnReaders.decimalBuilder(column, scale),
                (v, z) -> ColumnReaders.rescale(column, (BigDecimal) v, scale));
    }

    /** The PostgreSQL element type of a Connect array's element schema. */
    static String elementType(Schema element) {
        switch (LogicalType.of(element)) {
            case DECIMAL -> {
                return "numeric";
            }
            case DATE -> {
                return "date";
            }
            case TIME -> {
                return "time";
            }
            case TIMESTAMP -> {
                return "timestamp";
            }
            default -> {
            }
        }
        return switch (element.type()) {
            case INT8, INT16 -> "int2";
            case INT32 -> "int4";
            case INT64 -> "int8";
            case FLOAT32 -> "float4";
            case FLOAT64 -> "float8";
            case BOOLEAN -> "bool";
            case STRING -> "text";
            case BYTES -> "bytea";
            default -> throw new DataException("PostgreSQL has no array of Connect " + element.type() + " elements");
        };
    }

    /**
     * Binds a Connect array. Temporal elements go as text in the server's input format, so that neither
     * the JVM's zone nor the driver's rendering of {@code java.util.Date} shifts them; a Timestamp as its
     * local time in {@code db.timezone} with that zone's offset, which a {@code timestamptz[]} column takes
     * as the instant and a {@code timestamp[]} column ignores.
     */
    static void bind(PreparedStatement statement, int index, Schema schema, List<?> values, ZoneId zone) throws SQLException {
        Schema element = schema.valueSchema();
        while (element.type() == Schema.Type.ARRAY) {
            element = element.valueSchema();
        }
        Array array = statement.getConnection().createArrayOf(elementType(element), elements(schema, values, zone));
        LogicalType logical = LogicalType.of(element);
        if (element.type() == Schema.Type.STRING && logical == LogicalType.NONE || logical == LogicalType.TIMESTAMP) {
            // untyped array text, as a STRING binds: the server parses it as the column's array type, so
            // the strings read from uuid[], inet[], interval[] … columns go back into them, and a
            // timestamptz[] column takes its elements' offsets (a timestamp[] parameter would drop them)
            statement.setObject(index, array.toString(), Types.OTHER);
        } else {
            statement.setArray(index, array);
        }
    }

    /** The driver's array of a Connect list: nested lists become nested arrays, which PostgreSQL requires rectangular. */
    private static Object[] elements(Schema schema, List<?> values, ZoneId zone) {
        Schema element = schema.valueSchema();
        // the driver encodes bytea elements only from a byte[][]
        Object[] elements = element.type() == Schema.Type.BYTES && LogicalType.of(element) == LogicalType.NONE
                ? new byte[values.size()][] : new Object[values.size()];
        for (int i = 0; i < elements.length; i++) {
            Object value = values.get(i);
            elements[i] = element.type() == Schema.Type.ARRAY && value != null
                    ? elements(element, (List<?>) value, zone) : element(element, value, zone);
        }
        return elements;
    }

    private static Object element(Schema element, Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        return switch (LogicalType.of(element)) {
            case DECIMAL -> value;
            case DATE -> TemporalValues.localDate((java.util.Date) value).toString();
            case TIME -> TemporalValues.text(TemporalValues.localTime((java.util.Date) value));
            case TIMESTAMP -> TemporalValues.textWithOffset(TemporalValues.instant((java.util.Date) value).atZone(zone));
            case NONE -> element.type() == Schema.Type.BYTES ? SqlLiterals.bytes(value)
                    : element.type() == Schema.Type.INT8 ? (Object) ((Number) value).shortValue() : value;
        };
    }

    /** Binds a schemaless list to an array column: its elements as text the server parses for the element type. */
    static void bindList(PreparedStatement statement, int index, ColumnDefinition column, List<?> values) throws SQLException {
        Object[] elements = new Object[values.size()];
        for (int i = 0; i < elements.length; i++) {
            Object value = values.get(i);
            elements[i] = value == null ? null
                    : value instanceof Map || value instanceof List ? JsonText.of(value)
                    : value instanceof byte[] ? value : value.toString();
        }
        statement.setArray(index, statement.getConnection().createArrayOf(column.typeName().substring(1), elements));
    }

    static boolean isArray(ColumnDefinition column) {
        return column.jdbcType() == Types.ARRAY || column.typeName().startsWith("_");
    }

}
