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
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PgArray;
import org.postgresql.util.PGInterval;

/**
 * PostgreSQL's arrays as Connect ARRAYs of optional elements, nested as deep as the column declares, both
 * ways. The driver decodes the elements of the types it knows (numbers, text, dates and times …); the
 * elements of the others (enums, composite, geometric, network and range types, money, timetz, bit
 * strings) are read from the array's text ({@link PostgresArrayText}), where the driver would guess or
 * fail. Elements of zoneless date-times are read as local times in {@code db.timezone}; the driver builds
 * them in the JVM's zone, so their local fields are taken back from it before the zone is applied.
 */
final class PostgresArrays {

    /**
     * An element type: its Connect schema and how an element becomes a Connect value, the element being
     * the driver's decoded object or, when {@code fromText}, the element's text in the array's text.
     */
    private record Element(Supplier<SchemaBuilder> schema, BiFunction<Object, ZoneId, Object> read, boolean fromText) {
        Element(Supplier<SchemaBuilder> schema, BiFunction<Object, ZoneId, Object> read) {
            this(schema, read, false);
        }
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

    /** PostgreSQL's own element types read from the array's text, besides the types {@link PostgresTypes} reads as text. */
    private static final Set<String> TEXT_ELEMENTS = Set.of("money", "timetz", "bit");

    private PostgresArrays() {
    }

    /** The time of day of a driver element with its milliseconds, which {@link java.sql.Time#toLocalTime()} drops. */
    private static java.time.LocalTime localTime(java.sql.Time time) {
        return time.toLocalTime().plusNanos(Math.floorMod(time.getTime(), 1000L) * 1_000_000L);
    }

    private static Element stringElement() {
        return new Element(SchemaBuilder::string, (v, z) -> v.toString());
    }

    /** Whether the element type is one of PostgreSQL's own that this class maps, so its name says what the elements are. */
    static boolean isBuiltInElement(String elementType) {
        return ELEMENTS.containsKey(elementType) || "numeric".equals(elementType) || TEXT_ELEMENTS.contains(elementType)
                || PostgresTypes.readsAsText(elementType);
    }

    /**
     * The mapping of an array column ({@code _int4}, {@code _text} …), empty for element types without one.
     * {@code numeric[]} elements are Decimals with the column's declared scale. Elements of a domain map as
     * the domain's base type; of an enum or composite type as their text, as a column of the type does.
     * A column that declares n &gt; 1 dimensions ({@code int4[][]}, recorded by the catalog only) maps to n
     * nested ARRAYs; a value with another number of dimensions fails, naming the column, since the schema
     * cannot change per row.
     */
    static java.util.Optional<ColumnMapping> mapping(ColumnDefinition column, ReadOptions options) {
        ColumnDefinition elementColumn = elementOf(column);
        Element element = element(elementColumn);
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
        String elementType = elementColumn.typeName();
        if (element.fromText()) {
            char delimiter = PostgresArrayText.delimiter(elementType);
            return java.util.Optional.of(ColumnReaders.mapping(schema, (row, i) -> {
                String text = row.getString(i);
                return text == null ? null : list(column, PostgresArrayText.parse(text, delimiter), dimensions, element, zone);
            }));
        }
        if (column.element() != null) {
            // an array of a domain: the driver decodes its text as an array of the domain's base type
            return java.util.Optional.of(ColumnReaders.mapping(schema, (row, i) -> {
                String text = row.getString(i);
                if (text == null) {
                    return null;
                }
                BaseConnection connection = row.getStatement().getConnection().unwrap(BaseConnection.class);
                int arrayType = connection.getTypeInfo().getPGArrayType(elementType);
                return list(column, (Object[]) new PgArray(connection, arrayType, text).getArray(), dimensions, element, zone);
            }));
        }
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

    /** The elements' type: as the catalog resolved it for user-defined types, else named by the array type. */
    private static ColumnDefinition elementOf(ColumnDefinition column) {
        if (column.element() != null) {
            return column.element();
        }
        return new ColumnDefinition(column.name(), Types.OTHER, column.typeName().substring(1), column.precision(),
                column.scale(), true, false, false, false);
    }

    private static Element element(ColumnDefinition elementColumn) {
        String type = elementColumn.typeName();
        if ("numeric".equals(type)) {
            return decimalElement(elementColumn);
        }
        Element typed = ELEMENTS.get(type);
        if (typed != null) {
            return typed;
        }
        return switch (type) {
            case "money" -> new Element(() -> Decimal.builder(PostgresTypes.MONEY_SCALE), (v, z) -> ColumnReaders.rescale(
                    elementColumn, PostgresTypes.parseMoney(elementColumn, (String) v), PostgresTypes.MONEY_SCALE), true);
            case "timetz" -> new Element(SchemaBuilder::string, (v, z) -> PostgresTypes.isoTimeWithZone((String) v), true);
            case "bit" -> elementColumn.precision() == 1 ? new Element(SchemaBuilder::bool, (v, z) -> "1".equals(v), true)
                    : textElement();
            default -> PostgresTypes.readsAsText(type) || elementColumn.jdbcType() == Types.STRUCT
                    || elementColumn.jdbcType() == Types.VARCHAR ? textElement() : null;
        };
    }

    /** An element read as its own text, as a column of its type reads. */
    private static Element textElement() {
        return new Element(SchemaBuilder::string, (v, z) -> v, true);
    }

    /** The Connect list of one level of an array's elements (nested {@code Object[]}s), {@code depth} levels deep. */
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
     * as the instant and a {@code timestamp[]} column ignores. Arrays of Debezium's semantic types bind as
     * untyped array text of their elements' standard values, which the column's element type parses.
     */
    static void bind(PreparedStatement statement, int index, Schema schema, List<?> values, ZoneId zone) throws SQLException {
        Schema element = schema.valueSchema();
        while (element.type() == Schema.Type.ARRAY) {
            element = element.valueSchema();
        }
        boolean semantic = DebeziumType.of(element) != DebeziumType.NONE;
        Array array = statement.getConnection().createArrayOf(semantic ? "text" : elementType(element), elements(schema, values, zone));
        LogicalType logical = LogicalType.of(element);
        if (element.type() == Schema.Type.STRING && logical == LogicalType.NONE || logical == LogicalType.TIMESTAMP || semantic) {
            // untyped array text, as a STRING binds: the server parses it as the column's array type, so
            // the strings read from uuid[], inet[], interval[] … columns go back into them, and a
            // timestamptz[] column takes its elements' offsets (a timestamp[] parameter would drop them)
            statement.setObject(index, array.toString(), Types.OTHER);
        } else {
            statement.setArray(index, array);
        }
    }

    /**
     * Binds a Connect array into an array column, as {@link #bind(PreparedStatement, int, Schema, List, ZoneId)}
     * does, except where the column's elements need the array's text: BOOLEAN elements into a {@code bit[]}
     * or {@code varbit[]} column as their bit ({@code 1}, {@code 0}), since no cast leads from boolean to bit,
     * and STRING elements into a {@code box[]} column separated by its delimiter, a semicolon.
     */
    static void bind(PreparedStatement statement, int index, ColumnDefinition column, Schema schema, List<?> values,
            ZoneId zone) throws SQLException {
        Schema element = schema.valueSchema();
        while (element.type() == Schema.Type.ARRAY) {
            element = element.valueSchema();
        }
        String elementType = elementOf(column).typeName();
        boolean plain = LogicalType.of(element) == LogicalType.NONE;
        if (plain && element.type() == Schema.Type.BOOLEAN && ("bit".equals(elementType) || "varbit".equals(elementType))) {
            statement.setObject(index, PostgresArrayText.format(bits(values), ','), Types.OTHER);
        } else if (plain && element.type() == Schema.Type.STRING && PostgresArrayText.delimiter(elementType) != ',') {
            statement.setObject(index, PostgresArrayText.format(values, PostgresArrayText.delimiter(elementType)), Types.OTHER);
        } else {
            bind(statement, index, schema, values, zone);
        }
    }

    /** A list of booleans, nested or not, as the bits {@code 1} and {@code 0}. */
    private static List<Object> bits(List<?> values) {
        List<Object> bits = new ArrayList<>(values.size());
        for (Object value : values) {
            bits.add(value instanceof List<?> nested ? bits(nested) : value == null ? null : (Boolean) value ? "1" : "0");
        }
        return bits;
    }

    /** The driver's array of a Connect list: nested lists become nested arrays, which PostgreSQL requires rectangular. */
    private static Object[] elements(Schema schema, List<?> values, ZoneId zone) {
        Schema element = schema.valueSchema();
        // the driver encodes bytea elements only from a byte[][]
        Object[] elements = element.type() == Schema.Type.BYTES && LogicalType.of(element) == LogicalType.NONE
                && DebeziumType.of(element) == DebeziumType.NONE ? new byte[values.size()][] : new Object[values.size()];
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
        DebeziumType semantic = DebeziumType.of(element);
        if (semantic != DebeziumType.NONE) {
            return semanticText(semantic.kind(), semantic.value(element, value), zone);
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

    /**
     * A Debezium element's standard value as the text the server parses for the array's element type: dates,
     * times and zoneless timestamps in ISO-8601, an instant as its local time in {@code db.timezone} with the
     * offset (as a Timestamp element), a duration as interval text.
     */
    private static String semanticText(DebeziumType.Kind kind, Object standard, ZoneId zone) {
        return switch (kind) {
            case INSTANT -> TemporalValues.textWithOffset(((java.time.Instant) standard).atZone(zone));
            case DECIMAL -> ((BigDecimal) standard).toPlainString();
            case DURATION_MICROS -> standard + " microseconds";
            default -> standard.toString();
        };
    }

    /**
     * Binds a schemaless list to an array column as {@link #bind(PreparedStatement, int, ColumnDefinition,
     * Schema, List, ZoneId)} binds an ARRAY of STRING: untyped array text whose elements the server parses
     * as the column's element type, so arrays of enums, domains, network types or a type in another schema
     * take it alike. Booleans into a bit string array go as BOOLEAN elements (each its bit); other
     * elements as their text ({@link SchemalessValues#parsedText}), a Map element as JSON text, which the
     * server takes for json[] and text[] and refuses for other types. Nested lists are the array's
     * dimensions and must all be as deep, except in a json[] or jsonb[] column, whose List elements are JSON.
     *
     * @throws DataException naming the column when the lists nest to different depths, or an element is bytes
     */
    static void bindList(PreparedStatement statement, int index, ColumnDefinition column, List<?> values, ZoneId zone)
            throws SQLException {
        int depth = depth(column, values);
        String elementType = elementOf(column).typeName();
        boolean booleans = ("bit".equals(elementType) || "varbit".equals(elementType))
                && leaves(values).allMatch(value -> value == null || value instanceof Boolean);
        Schema schema = booleans ? Schema.OPTIONAL_BOOLEAN_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA;
        for (int d = 0; d < depth; d++) {
            schema = SchemaBuilder.array(schema).optional().build();
        }
        bind(statement, index, column, schema, booleans ? values : texts(column, values, depth), zone);
    }

    /** How many lists deep the values nest: 1 for a list of elements; the same at every element. */
    private static int depth(ColumnDefinition column, List<?> values) {
        int depth = -1;
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            int here = value instanceof List<?> nested && !jsonElements(column) ? 1 + depth(column, nested) : 1;
            if (depth >= 0 && here != depth) {
                throw new DataException("Cannot write a List value to column " + column.name() + " of type "
                        + column.typeName() + ": its lists nest to different depths, and an array's dimensions must match");
            }
            depth = here;
        }
        return Math.max(depth, 1);
    }

    private static Stream<Object> leaves(List<?> values) {
        return values.stream().flatMap(value -> value instanceof List<?> nested ? leaves(nested) : Stream.of(value));
    }

    /** Whether the column's elements are JSON, whose elements a Map or List is, not a dimension. */
    private static boolean jsonElements(ColumnDefinition column) {
        String type = elementOf(column).typeName();
        return "json".equals(type) || "jsonb".equals(type);
    }

    private static List<Object> texts(ColumnDefinition column, List<?> values, int depth) {
        List<Object> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value == null) {
                texts.add(null);
            } else if (depth > 1) {
                texts.add(texts(column, (List<?>) value, depth - 1));
            } else if (value instanceof Map || value instanceof List) {
                texts.add(JsonText.of(value));
            } else {
                String text = SchemalessValues.parsedText(value);
                if (text == null) {
                    throw SchemalessValues.cannotConvert(column, value, null);
                }
                texts.add(text);
            }
        }
        return texts;
    }

    static boolean isArray(ColumnDefinition column) {
        return column.jdbcType() == Types.ARRAY || column.typeName().startsWith("_");
    }

}
