package io.ferry.connectors.datagen.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalType;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Compiles an Avro record schema into the Connect schema of the records it describes and a generator of
 * their values. Records become structs named with the Avro full name, enums strings (with the parameters
 * Confluent's Avro converter gives enums), a union of null and one type an optional field, and the logical
 * types {@code timestamp-millis}, {@code date} and {@code time-millis} Connect's {@link Timestamp},
 * {@link org.apache.kafka.connect.data.Date} and {@link Time}.
 */
public final class DatagenSchemaCompiler {
    /** Elements of an array or entries of a map without a {@code length} hint: 1 to 4. */
    static final DatagenHints.Length DEFAULT_COLLECTION_LENGTH = new DatagenHints.Length(1, 5);
    /** Timestamps and dates without a hint fall in [2020-01-01, 2030-01-01) UTC: fixed, so runs repeat. */
    static final Instant DEFAULT_FIRST_INSTANT = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant DEFAULT_END_INSTANT = Instant.parse("2030-01-01T00:00:00Z");
    static final String ENUM_PARAMETER = "io.confluent.connect.avro.Enum";
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final Set<String> recordsInProgress = new HashSet<>();

    /** A Connect schema and the generator of its values. */
    public record Compiled(Schema schema, DatagenGenerator generator) {
    }

    private DatagenSchemaCompiler() {
    }

    /**
     * Parses {@code avroJson} and compiles it.
     *
     * @throws DatagenSchemaException if it is not an Avro record schema, or a field cannot be generated;
     *         the message names the field
     */
    public static Compiled compile(String avroJson) {
        org.apache.avro.Schema avro;
        try {
            avro = new org.apache.avro.Schema.Parser().parse(avroJson);
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            throw new DatagenSchemaException("not a valid Avro schema: " + e.getMessage(), e);
        }
        if (avro.getType() != org.apache.avro.Schema.Type.RECORD) {
            throw new DatagenSchemaException("the schema must be an Avro record, not " + avro.getType().getName());
        }
        return new DatagenSchemaCompiler().compile(avro, avro.getName(), false);
    }

    private Compiled compile(org.apache.avro.Schema avro, String path, boolean optional) {
        DatagenHints hints = DatagenHints.of(avro, path);
        return switch (avro.getType()) {
            case RECORD -> record(avro, hints, path, optional);
            case ENUM -> enumeration(avro, hints, path, optional);
            case ARRAY -> array(avro, hints, path, optional);
            case MAP -> map(avro, hints, path, optional);
            case UNION -> union(avro, path, optional);
            case FIXED -> fixed(avro, hints, path, optional);
            case STRING -> string(avro, hints, path, optional);
            case BYTES -> bytes(avro, hints, path, optional);
            case INT -> integer(avro, hints, path, optional);
            case LONG -> longInteger(avro, hints, path, optional);
            case FLOAT -> new Compiled(optional(SchemaBuilder.float32(), optional),
                    floats(DatagenPrimitives.floating(hints, path, "float")));
            case DOUBLE -> new Compiled(optional(SchemaBuilder.float64(), optional), DatagenPrimitives.floating(hints, path, "double"));
            case BOOLEAN -> new Compiled(optional(SchemaBuilder.bool(), optional), DatagenPrimitives.bool(hints, path));
            case NULL -> throw DatagenSchemaException.at(path, "type null carries no data; use a union of null and a type");
        };
    }

    private Compiled record(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        hints.allowOnly(path, "record");
        if (!recordsInProgress.add(avro.getFullName())) {
            throw DatagenSchemaException.at(path, "record " + avro.getFullName() + " contains itself; recursive records cannot be generated");
        }
        SchemaBuilder builder = SchemaBuilder.struct().name(avro.getFullName());
        if (avro.getDoc() != null) {
            builder.doc(avro.getDoc());
        }
        List<DatagenGenerator> generators = new ArrayList<>();
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
            Compiled compiled = compile(field.schema(), path + "." + field.name(), false);
            builder.field(field.name(), compiled.schema());
            generators.add(compiled.generator());
        }
        recordsInProgress.remove(avro.getFullName());
        Schema schema = optional(builder, optional);
        List<Field> fields = schema.fields();
        return new Compiled(schema, draw -> {
            Struct struct = new Struct(schema);
            for (int i = 0; i < fields.size(); i++) {
                struct.put(fields.get(i), generators.get(i).next(draw));
            }
            return struct;
        });
    }

    private static Compiled enumeration(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        hints.allowOnly(path, "enum", "options");
        SchemaBuilder builder = SchemaBuilder.string().name(avro.getFullName()).parameter(ENUM_PARAMETER, avro.getFullName());
        avro.getEnumSymbols().forEach(symbol -> builder.parameter(ENUM_PARAMETER + "." + symbol, symbol));
        List<String> symbols = avro.getEnumSymbols();
        if (hints.options() != null) {
            symbols = DatagenPrimitives.convert(hints.options(), path, value -> {
                if (!avro.getEnumSymbols().contains(String.valueOf(value))) {
                    throw DatagenSchemaException.at(path, "option " + value + " is not a symbol of enum " + avro.getFullName());
                }
                return String.valueOf(value);
            });
        }
        return new Compiled(optional(builder, optional), DatagenPrimitives.pick(symbols));
    }

    private Compiled array(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        hints.allowOnly(path, "array", "length");
        Compiled items = compile(avro.getElementType(), path + "[]", false);
        DatagenHints.Length length = hints.length() == null ? DEFAULT_COLLECTION_LENGTH : hints.length();
        return new Compiled(optional(SchemaBuilder.array(items.schema()), optional), draw -> {
            int size = length.draw(draw);
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(items.generator().next(draw));
            }
            return values;
        });
    }

    private Compiled map(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        hints.allowOnly(path, "map", "length");
        Compiled values = compile(avro.getValueType(), path + "{}", false);
        DatagenGenerator keys = DatagenPrimitives.string(DatagenHints.NONE, path);
        DatagenHints.Length length = hints.length() == null ? DEFAULT_COLLECTION_LENGTH : hints.length();
        return new Compiled(optional(SchemaBuilder.map(Schema.STRING_SCHEMA, values.schema()), optional), draw -> {
            int size = length.draw(draw);
            Map<Object, Object> entries = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                entries.put(keys.next(draw), values.generator().next(draw));
            }
            return entries;
        });
    }

    private Compiled union(org.apache.avro.Schema avro, String path, boolean optional) {
        List<org.apache.avro.Schema> types = avro.getTypes().stream()
                .filter(type -> type.getType() != org.apache.avro.Schema.Type.NULL).toList();
        if (types.size() != 1) {
            throw DatagenSchemaException.at(path, "unions of null and one other type are supported, not " + avro);
        }
        boolean nullable = types.size() < avro.getTypes().size();
        Compiled inner = compile(types.get(0), path, optional || nullable);
        if (!nullable) {
            return inner;
        }
        // Like the Avro random generator: each branch of the union is as likely as the other.
        return new Compiled(inner.schema(), draw -> draw.random().nextBoolean() ? null : inner.generator().next(draw));
    }

    private static Compiled fixed(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        hints.allowOnly(path, "fixed");
        int size = avro.getFixedSize();
        return new Compiled(optional(SchemaBuilder.bytes(), optional), DatagenPrimitives.randomBytes(draw -> size));
    }

    private static Compiled string(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        Schema schema = optional(SchemaBuilder.string(), optional);
        if (logicalName(avro).equals("uuid") && hints.equals(DatagenHints.NONE)) {
            return new Compiled(schema, draw -> new UUID(draw.random().nextLong(), draw.random().nextLong()).toString());
        }
        return new Compiled(schema, DatagenPrimitives.string(hints, path));
    }

    private static Compiled bytes(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        if (!logicalName(avro).isEmpty()) {
            throw DatagenSchemaException.at(path, "logical type " + logicalName(avro) + " is not supported");
        }
        return new Compiled(optional(SchemaBuilder.bytes(), optional), DatagenPrimitives.bytes(hints, path));
    }

    private static Compiled integer(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        switch (logicalName(avro)) {
            case "date" -> {
                long first = LocalDate.ofInstant(DEFAULT_FIRST_INSTANT, ZoneOffset.UTC).toEpochDay();
                long end = LocalDate.ofInstant(DEFAULT_END_INSTANT, ZoneOffset.UTC).toEpochDay();
                DatagenGenerator days = DatagenPrimitives.integral(hints, path, "date", Integer.MIN_VALUE, Integer.MAX_VALUE,
                        draw -> draw.random().nextLong(first, end));
                return new Compiled(optional(org.apache.kafka.connect.data.Date.builder(), optional),
                        DatagenPrimitives.narrowed(days, day -> new Date(day * MILLIS_PER_DAY)));
            }
            case "time-millis" -> {
                DatagenGenerator millis = DatagenPrimitives.integral(hints, path, "time-millis", 0, MILLIS_PER_DAY - 1,
                        draw -> draw.random().nextLong(0, MILLIS_PER_DAY));
                return new Compiled(optional(Time.builder(), optional), DatagenPrimitives.narrowed(millis, Date::new));
            }
            default -> {
                DatagenGenerator ints = DatagenPrimitives.integral(hints, path, "int", Integer.MIN_VALUE, Integer.MAX_VALUE,
                        draw -> (long) draw.random().nextInt());
                return new Compiled(optional(SchemaBuilder.int32(), optional), DatagenPrimitives.narrowed(ints, value -> (int) value));
            }
        }
    }

    private static Compiled longInteger(org.apache.avro.Schema avro, DatagenHints hints, String path, boolean optional) {
        if (logicalName(avro).equals("timestamp-millis")) {
            long first = DEFAULT_FIRST_INSTANT.toEpochMilli();
            long end = DEFAULT_END_INSTANT.toEpochMilli();
            DatagenGenerator millis = DatagenPrimitives.integral(hints, path, "timestamp-millis", Long.MIN_VALUE, Long.MAX_VALUE,
                    draw -> draw.random().nextLong(first, end));
            return new Compiled(optional(Timestamp.builder(), optional), DatagenPrimitives.narrowed(millis, Date::new));
        }
        DatagenGenerator longs = DatagenPrimitives.integral(hints, path, "long", Long.MIN_VALUE, Long.MAX_VALUE,
                draw -> draw.random().nextLong());
        return new Compiled(optional(SchemaBuilder.int64(), optional), longs);
    }

    private static DatagenGenerator floats(DatagenGenerator doubles) {
        return draw -> ((Double) doubles.next(draw)).floatValue();
    }

    private static String logicalName(org.apache.avro.Schema avro) {
        LogicalType logical = avro.getLogicalType();
        return logical == null ? "" : logical.getName();
    }

    private static Schema optional(SchemaBuilder builder, boolean optional) {
        return optional ? builder.optional().build() : builder.build();
    }
}
