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

/**
 * PostgreSQL's one-dimensional arrays as Connect ARRAYs of optional elements, both ways. Elements of
 * zoneless date-times are read as local times in {@code db.timezone}; the driver builds them in the JVM's
 * zone, so their local fields are taken back from it before the zone is applied.
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
            Map.entry("uuid", stringElement()),
            Map.entry("json", stringElement()),
            Map.entry("jsonb", stringElement()),
            Map.entry("bytea", new Element(SchemaBuilder::bytes, (v, z) -> v)),
            Map.entry("date", new Element(Date::builder,
                    (v, z) -> TemporalValues.connectDate(((java.sql.Date) v).toLocalDate()))),
            Map.entry("time", new Element(Time::builder,
                    (v, z) -> TemporalValues.connectTime(((java.sql.Time) v).toLocalTime()))),
            Map.entry("timestamp", new Element(Timestamp::builder,
                    (v, z) -> TemporalValues.sqlTimestamp(((java.sql.Timestamp) v).toLocalDateTime().atZone(z).toInstant()))),
            Map.entry("timestamptz", new Element(Timestamp::builder, (v, z) -> v)));

    private PostgresArrays() {
    }

    private static Element stringElement() {
        return new Element(SchemaBuilder::string, (v, z) -> v.toString());
    }

    /**
     * The mapping of an array column ({@code _int4}, {@code _text} …), empty for element types without one.
     * {@code numeric[]} elements are Decimals with the column's declared scale.
     */
    static java.util.Optional<ColumnMapping> mapping(ColumnDefinition column, ReadOptions options) {
        String elementType = column.typeName().substring(1);
        Element element = "numeric".equals(elementType) ? decimalElement(column) : ELEMENTS.get(elementType);
        if (element == null) {
            return java.util.Optional.empty();
        }
        Schema schema = ColumnReaders.schema(SchemaBuilder.array(element.schema().get().optional().build()), column);
        ZoneId zone = options.timeZone();
        return java.util.Optional.of(ColumnReaders.mapping(schema, (row, i) -> {
            Array array = row.getArray(i);
            if (array == null) {
                return null;
            }
            try {
                List<Object> values = new ArrayList<>();
                for (Object value : (Object[]) array.getArray()) {
                    if (value instanceof Object[]) {
                        throw new DataException("Column " + column.name() + " (" + column.typeName()
                                + ") holds a multi-dimensional array; only one-dimensional arrays map to Connect");
                    }
                    values.add(value == null ? null : element.read().apply(value, zone));
                }
                return values;
            } finally {
                array.free();
            }
        }));
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
     * the JVM's zone nor the driver's rendering of {@code java.util.Date} shifts them.
     */
    static void bind(PreparedStatement statement, int index, Schema schema, List<?> values, ZoneId zone) throws SQLException {
        Schema element = schema.valueSchema();
        String type = elementType(element);
        Object[] elements = new Object[values.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = element(element, values.get(i), zone);
        }
        statement.setArray(index, statement.getConnection().createArrayOf(type, elements));
    }

    private static Object element(Schema element, Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        return switch (LogicalType.of(element)) {
            case DECIMAL -> value;
            case DATE -> TemporalValues.localDate((java.util.Date) value).toString();
            case TIME -> TemporalValues.text(TemporalValues.localTime((java.util.Date) value));
            case TIMESTAMP -> TemporalValues.text(TemporalValues.instant((java.util.Date) value).atZone(zone).toLocalDateTime());
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
