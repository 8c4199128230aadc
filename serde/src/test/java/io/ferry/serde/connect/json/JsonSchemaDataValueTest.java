package io.ferry.serde.connect.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.serde.connect.ConnectCases;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Connect values ↔ JSON documents: the JSON each value becomes, and the way back through the written schema. */
class JsonSchemaDataValueTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaData DATA = new JsonSchemaData(JsonSchemaDataOptions.defaults());

    private static Map<Object, Object> ordered(Object... keyValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> values() {
        Schema optionalWithDefault = SchemaBuilder.int32().optional().defaultValue(5).build();
        return Stream.of(
                Arguments.of("int8", Schema.INT8_SCHEMA, (byte) -8, "-8"),
                Arguments.of("float32", Schema.FLOAT32_SCHEMA, 1.5f, "1.5"),
                Arguments.of("bytes: base64", Schema.BYTES_SCHEMA, new byte[] {0, 1, (byte) 0xff}, "\"AAH/\""),
                Arguments.of("decimal: base64 of the unscaled value", Decimal.schema(2), new BigDecimal("12.34"), "\"BNI=\""),
                Arguments.of("date: days since the epoch", Date.SCHEMA, new java.util.Date(86_400_000L * 365), "365"),
                Arguments.of("time: milliseconds of the day", Time.SCHEMA, new java.util.Date(3_600_000L), "3600000"),
                Arguments.of("timestamp: epoch milliseconds", Timestamp.SCHEMA, new java.util.Date(1_700_000_000_123L), "1700000000123"),
                Arguments.of("map with string keys: an object", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(),
                        ordered("a", 1, "b", 2), "{\"a\":1,\"b\":2}"),
                Arguments.of("map with other keys: key/value objects", SchemaBuilder.map(Schema.INT64_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build(),
                        ordered(7L, "seven", 8L, null), "[{\"key\":7,\"value\":\"seven\"},{\"key\":8,\"value\":null}]"),
                Arguments.of("optional null", Schema.OPTIONAL_STRING_SCHEMA, null, "null"),
                Arguments.of("a null with a default is the default", optionalWithDefault, null, "5"),
                Arguments.of("struct", ConnectCases.ADDRESS, ConnectCases.address("Main St", null), "{\"street\":\"Main St\",\"zip\":null}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void shouldWriteEachValueAsConfluentsConverterDoes(String name, Schema schema, Object value, String json) throws Exception {
        assertThat(MAPPER.writeValueAsString(DATA.fromConnectData(schema, value))).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.ConnectCases#all")
    void shouldReadEveryConnectTypeBackThroughItsJsonSchema(String name, Schema schema, Object value) {
        Schema readSchema = DATA.toConnectSchema(DATA.fromConnectSchema(schema), null);
        JsonNode json = DATA.fromConnectData(schema, value);

        Object back = DATA.toConnectData(readSchema, json);

        assertThat(readSchema).isEqualTo(schema);
        assertThat(withBytesAsBuffers(back)).isEqualTo(value);
    }

    /** Bytes are read as byte[] (as Confluent's converter reads them); the cases hold ByteBuffers, equal by content. */
    private static Object withBytesAsBuffers(Object value) {
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        } else if (value instanceof Struct struct) {
            Struct copy = new Struct(struct.schema());
            struct.schema().fields().forEach(f -> copy.put(f, withBytesAsBuffers(struct.getWithoutDefault(f.name()))));
            return copy;
        } else if (value instanceof List<?> list) {
            return list.stream().map(JsonSchemaDataValueTest::withBytesAsBuffers).toList();
        }
        return value;
    }

    @Test
    void shouldWriteDecimalsAsNumbersWhenAskedAndReadBothFormats() throws Exception {
        JsonSchemaData numeric = new JsonSchemaData(Map.of("decimal.format", "numeric"));
        Schema schema = Decimal.schema(3);

        assertThat(MAPPER.writeValueAsString(numeric.fromConnectData(schema, new BigDecimal("-1234.567")))).isEqualTo("-1234.567");
        assertThat(DATA.toConnectData(schema, MAPPER.readTree("-1234.567"))).isEqualTo(new BigDecimal("-1234.567"));
        assertThat(numeric.toConnectData(schema, MAPPER.readTree("\"7Sl5\""))).isEqualTo(new BigDecimal("-1234.567"));
    }

    @Test
    void shouldKeepNullsOfOptionalFieldsWithDefaultsWhenReplaceNullWithDefaultIsOff() throws Exception {
        Schema schema = SchemaBuilder.struct().field("n", SchemaBuilder.int32().optional().defaultValue(5).build()).build();
        Struct unset = new Struct(schema);

        for (String setting : List.of("replace.null.with.default", "ignore.default.for.nullables")) {
            JsonSchemaData keeping = new JsonSchemaData(Map.of(setting, setting.startsWith("replace") ? "false" : "true"));
            assertThat(keeping.fromConnectData(schema, unset)).isEqualTo(MAPPER.readTree("{\"n\":null}"));
            assertThat(((Struct) keeping.toConnectData(schema, MAPPER.readTree("{\"n\":null}"))).getWithoutDefault("n")).isNull();
        }
        assertThat(DATA.fromConnectData(schema, unset)).isEqualTo(MAPPER.readTree("{\"n\":5}"));
        assertThat(((Struct) DATA.toConnectData(schema, MAPPER.readTree("{}"))).getWithoutDefault("n")).isEqualTo(5);
    }

    static Stream<Arguments> misfits() {
        return Stream.of(
                Arguments.of("a string for an int", Schema.INT32_SCHEMA, "\"1\"", "Invalid type for INT32"),
                Arguments.of("null for a required field", SchemaBuilder.struct().field("a", Schema.STRING_SCHEMA).build(), "{}",
                        "Invalid null value for a required STRING"),
                Arguments.of("an object for a map with int keys", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build(), "{}",
                        "array of key/value objects"),
                Arguments.of("a fraction for a date", Date.SCHEMA, "1.5", "Invalid type for Date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misfits")
    void shouldRefuseJsonThatDoesNotFitTheSchema(String name, Schema schema, String json, String message) {
        assertThatThrownBy(() -> DATA.toConnectData(schema, MAPPER.readTree(json)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseAValueOfTheWrongJavaType() {
        assertThatThrownBy(() -> DATA.fromConnectData(Schema.INT32_SCHEMA, "1"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Invalid type for INT32");
    }
}
