package io.ferry.serde.connect.protobuf;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Connect structs the Protobuf mapping carries, as (name, schema, value): every primitive and logical type,
 * containers, an enum and a oneof. Values are non-null where plain proto3 fields would turn null into a default.
 */
public final class ProtobufConnectCases {
    private ProtobufConnectCases() {
    }

    public static final Schema ADDRESS = SchemaBuilder.struct().name("com.acme.Address")
            .field("street", Schema.STRING_SCHEMA).field("zip", Schema.OPTIONAL_STRING_SCHEMA).build();

    public static final Schema PRIMITIVES = SchemaBuilder.struct().name("com.acme.Primitives")
            .field("int8", Schema.INT8_SCHEMA).field("int16", Schema.INT16_SCHEMA).field("int32", Schema.INT32_SCHEMA)
            .field("int64", Schema.INT64_SCHEMA).field("float32", Schema.FLOAT32_SCHEMA).field("float64", Schema.FLOAT64_SCHEMA)
            .field("boolean", Schema.BOOLEAN_SCHEMA).field("string", Schema.STRING_SCHEMA).field("bytes", Schema.BYTES_SCHEMA)
            .build();

    public static final Schema LOGICAL = SchemaBuilder.struct().name("com.acme.Logical")
            .field("decimal", Decimal.schema(3)).field("date", Date.SCHEMA).field("time", Time.SCHEMA)
            .field("timestamp", Timestamp.SCHEMA).build();

    public static final Schema CONTAINERS = SchemaBuilder.struct().name("com.acme.Containers")
            .field("strings", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("addresses", SchemaBuilder.array(ADDRESS).build())
            .field("counts", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("byId", SchemaBuilder.map(Schema.INT64_SCHEMA, ADDRESS).build())
            .field("home", ADDRESS)
            .build();

    public static final Schema COLOR = SchemaBuilder.string().name("Color").optional()
            .parameter(ProtobufConnectNames.ENUM, "Color")
            .parameter(ProtobufConnectNames.ENUM_PREFIX + "RED", "0")
            .parameter(ProtobufConnectNames.ENUM_PREFIX + "GREEN", "1").build();

    public static final Schema PAYMENT = SchemaBuilder.struct().name(ProtobufConnectNames.UNION_PREFIX + "payment").optional()
            .field("card", SchemaBuilder.string().optional().parameter(ProtobufConnectNames.TAG, "3").build())
            .field("iban", SchemaBuilder.string().optional().parameter(ProtobufConnectNames.TAG, "4").build())
            .build();

    public static final Schema CHOICES = SchemaBuilder.struct().name("com.acme.Choices")
            .field("color", COLOR)
            .field("payment_0", PAYMENT)
            .build();

    static Struct address(String street, String zip) {
        return new Struct(ADDRESS).put("street", street).put("zip", zip);
    }

    public static Stream<Arguments> values() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("a", 1);
        counts.put("b", 2);
        Map<Long, Struct> byId = new LinkedHashMap<>();
        byId.put(7L, address("Elm", "9"));
        return Stream.of(
                Arguments.of("every primitive", PRIMITIVES, new Struct(PRIMITIVES).put("int8", (byte) -8).put("int16", (short) 1600)
                        .put("int32", 32).put("int64", 64L).put("float32", 3.5f).put("float64", 6.25d).put("boolean", true)
                        .put("string", "häßlich ✓").put("bytes", ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}))),
                Arguments.of("logical types", LOGICAL, new Struct(LOGICAL).put("decimal", new BigDecimal("-1234.567"))
                        .put("date", new java.util.Date(19_000L * 86_400_000L)).put("time", new java.util.Date(45_296_789L))
                        .put("timestamp", new java.util.Date(1_700_000_000_123L))),
                Arguments.of("arrays, maps and nested structs", CONTAINERS, new Struct(CONTAINERS)
                        .put("strings", List.of("x", "y")).put("addresses", List.of(address("A", "1"), address("B", "2")))
                        .put("counts", counts).put("byId", byId).put("home", address("Main", "0"))),
                Arguments.of("enum and oneof", CHOICES, new Struct(CHOICES).put("color", "GREEN")
                        .put("payment_0", new Struct(PAYMENT).put("iban", "DE00"))));
    }

    /** A value as plain Java (structs as field maps, bytes as lists), to compare data across equivalent schemas. */
    public static Object plain(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), plain(struct.get(field)));
            }
            return fields;
        } else if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(element -> out.add(plain(element)));
            return out;
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(plain(k), plain(v)));
            return out;
        } else if (value instanceof ByteBuffer bytes) {
            List<Byte> out = new ArrayList<>();
            ByteBuffer copy = bytes.duplicate();
            while (copy.hasRemaining()) {
                out.add(copy.get());
            }
            return out;
        }
        return value;
    }
}
