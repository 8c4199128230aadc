package io.ferry.serde.connect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Connect schemas and values of every type and logical type, as (name, schema, value). Top-level schemas
 * carry version 1, which is what a converter reads back for the first version of a fresh subject.
 */
public final class ConnectCases {
    private ConnectCases() {
    }

    public static final Schema ADDRESS = SchemaBuilder.struct().name("com.acme.Address").version(1)
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema EVERYTHING = SchemaBuilder.struct().name("com.acme.Everything").version(1).doc("one of each")
            .parameter("owner", "team-a")
            .field("int8", Schema.INT8_SCHEMA)
            .field("int16", Schema.INT16_SCHEMA)
            .field("int32", Schema.INT32_SCHEMA)
            .field("int64", Schema.INT64_SCHEMA)
            .field("float32", Schema.FLOAT32_SCHEMA)
            .field("float64", Schema.FLOAT64_SCHEMA)
            .field("boolean", Schema.BOOLEAN_SCHEMA)
            .field("string", SchemaBuilder.string().doc("text").build())
            .field("bytes", Schema.BYTES_SCHEMA)
            .field("decimal", Decimal.schema(3))
            .field("date", Date.SCHEMA)
            .field("time", Time.SCHEMA)
            .field("timestamp", Timestamp.SCHEMA)
            .field("optionalDecimal", Decimal.builder(2).optional().build())
            .field("optionalSet", Schema.OPTIONAL_INT64_SCHEMA)
            .field("optionalUnset", Schema.OPTIONAL_STRING_SCHEMA)
            .field("withDefault", SchemaBuilder.string().defaultValue("n/a").build())
            .field("optionalWithDefault", SchemaBuilder.int32().optional().defaultValue(5).build())
            .field("address", ADDRESS)
            .field("optionalAddress", SchemaBuilder.struct().name("com.acme.Address2").optional()
                    .field("street", Schema.STRING_SCHEMA).build())
            .field("strings", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("addresses", SchemaBuilder.array(ADDRESS).build())
            .field("counts", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("byId", SchemaBuilder.map(Schema.INT64_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build())
            .field("nestedArrays", SchemaBuilder.array(SchemaBuilder.array(Schema.FLOAT64_SCHEMA).build()).optional().build())
            .build();

    public static Struct address(String street, String zip) {
        return new Struct(ADDRESS).put("street", street).put("zip", zip);
    }

    public static Struct everything() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("a", 1);
        counts.put("b", 2);
        Map<Long, String> byId = new LinkedHashMap<>();
        byId.put(7L, "seven");
        byId.put(8L, null);
        return new Struct(EVERYTHING)
                .put("int8", (byte) -8).put("int16", (short) 1600).put("int32", 32).put("int64", 64L)
                .put("float32", 3.5f).put("float64", 6.25d).put("boolean", true).put("string", "häßlich ✓")
                .put("bytes", ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}))
                .put("decimal", new BigDecimal("-1234.567")).put("date", new java.util.Date(19_000L * 86_400_000L))
                .put("time", new java.util.Date(45_296_789L)).put("timestamp", new java.util.Date(1_700_000_000_123L))
                .put("optionalDecimal", new BigDecimal("0.05"))
                .put("optionalSet", 99L).put("optionalUnset", null)
                .put("withDefault", "given").put("optionalWithDefault", 6)
                .put("address", address("Main St", null))
                .put("optionalAddress", null)
                .put("strings", List.of("x", "y"))
                .put("addresses", List.of(address("A", "1"), address("B", null)))
                .put("counts", counts).put("byId", byId)
                .put("nestedArrays", List.of(List.of(1.0, 2.0), List.of()));
    }

    public static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of("int8", SchemaBuilder.int8().version(1).build(), (byte) 8),
                Arguments.of("int16", SchemaBuilder.int16().version(1).build(), (short) 16),
                Arguments.of("int32", SchemaBuilder.int32().version(1).build(), 32),
                Arguments.of("int64", SchemaBuilder.int64().version(1).build(), 64L),
                Arguments.of("float32", SchemaBuilder.float32().version(1).build(), 1.25f),
                Arguments.of("float64", SchemaBuilder.float64().version(1).build(), 2.5d),
                Arguments.of("boolean", SchemaBuilder.bool().version(1).build(), false),
                Arguments.of("string", SchemaBuilder.string().version(1).build(), "text"),
                Arguments.of("bytes", SchemaBuilder.bytes().version(1).build(), ByteBuffer.wrap(new byte[] {1, 2})),
                Arguments.of("decimal", Decimal.schema(2), new BigDecimal("12.34")),
                Arguments.of("decimal zero", Decimal.schema(2), new BigDecimal("0.00")),
                Arguments.of("decimal negative", Decimal.schema(2), new BigDecimal("-0.01")),
                Arguments.of("decimal of seven bytes with the top bit set", Decimal.schema(0), new BigDecimal("36028797018963968")),
                Arguments.of("decimal of eight bytes, the largest", Decimal.schema(4),
                        new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), 4)),
                Arguments.of("decimal of eight bytes, the smallest", Decimal.schema(4),
                        new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 4)),
                Arguments.of("decimal beyond eight bytes", Decimal.schema(4),
                        new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE), 4)),
                Arguments.of("date", Date.SCHEMA, new java.util.Date(86_400_000L * 365)),
                Arguments.of("time", Time.SCHEMA, new java.util.Date(3_600_000L)),
                Arguments.of("timestamp", Timestamp.SCHEMA, new java.util.Date(1_700_000_000_000L)),
                Arguments.of("array", SchemaBuilder.array(Schema.INT32_SCHEMA).version(1).build(), List.of(1, 2, 3)),
                Arguments.of("map with string keys", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).version(1).build(),
                        Map.of("k", "v")),
                Arguments.of("map with int keys", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.BOOLEAN_SCHEMA).version(1).build(),
                        Map.of(1, true, 2, false)),
                Arguments.of("struct of every type", EVERYTHING, everything()));
    }
}
