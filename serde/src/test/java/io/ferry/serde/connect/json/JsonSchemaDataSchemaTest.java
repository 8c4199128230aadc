package io.ferry.serde.connect.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import io.ferry.serde.connect.ConnectSchemas;
import io.ferry.serde.jsonschema.ParsedJsonSchema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden JSON Schemas: the text Confluent's JSON Schema converter registers for each Connect schema (same keys, in
 * the same order, so the registry gives both converters the same ids). Each case also maps back to the Connect
 * schema it came from.
 */
class JsonSchemaDataSchemaTest {
    private static final JsonSchemaData DATA = new JsonSchemaData(JsonSchemaDataOptions.defaults());

    static Stream<Arguments> primitives() {
        return Stream.of(
                Arguments.of("int8", Schema.INT8_SCHEMA, "{\"type\":\"integer\",\"connect.type\":\"int8\"}"),
                Arguments.of("int16", Schema.INT16_SCHEMA, "{\"type\":\"integer\",\"connect.type\":\"int16\"}"),
                Arguments.of("int32", Schema.INT32_SCHEMA, "{\"type\":\"integer\",\"connect.type\":\"int32\"}"),
                Arguments.of("int64", Schema.INT64_SCHEMA, "{\"type\":\"integer\",\"connect.type\":\"int64\"}"),
                Arguments.of("float32", Schema.FLOAT32_SCHEMA, "{\"type\":\"number\",\"connect.type\":\"float32\"}"),
                Arguments.of("float64", Schema.FLOAT64_SCHEMA, "{\"type\":\"number\",\"connect.type\":\"float64\"}"),
                Arguments.of("boolean", Schema.BOOLEAN_SCHEMA, "{\"type\":\"boolean\"}"),
                Arguments.of("string", Schema.STRING_SCHEMA, "{\"type\":\"string\"}"),
                Arguments.of("bytes: a string", Schema.BYTES_SCHEMA, "{\"type\":\"string\",\"connect.type\":\"bytes\"}"),
                Arguments.of("optional: oneOf null", Schema.OPTIONAL_STRING_SCHEMA,
                        "{\"oneOf\":[{\"type\":\"null\"},{\"type\":\"string\"}]}"),
                Arguments.of("optional with default: the default inside",
                        SchemaBuilder.int32().optional().defaultValue(7).build(),
                        "{\"oneOf\":[{\"type\":\"null\"},{\"type\":\"integer\",\"default\":7,\"connect.type\":\"int32\"}]}"),
                Arguments.of("name, version, doc and parameters",
                        SchemaBuilder.string().name("com.acme.Code").version(3).doc("a code").parameter("length", "8").build(),
                        "{\"type\":\"string\",\"title\":\"com.acme.Code\",\"description\":\"a code\",\"connect.version\":3,"
                                + "\"connect.parameters\":{\"length\":\"8\"}}"),
                Arguments.of("decimal: a number of connect.type bytes", Decimal.schema(2),
                        "{\"type\":\"number\",\"title\":\"org.apache.kafka.connect.data.Decimal\",\"connect.version\":1,"
                                + "\"connect.type\":\"bytes\",\"connect.parameters\":{\"scale\":\"2\"}}"),
                Arguments.of("decimal with precision", Decimal.builder(4).parameter("connect.decimal.precision", "14").build(),
                        "{\"type\":\"number\",\"title\":\"org.apache.kafka.connect.data.Decimal\",\"connect.version\":1,"
                                + "\"connect.type\":\"bytes\",\"connect.parameters\":{\"scale\":\"4\",\"connect.decimal.precision\":\"14\"}}"),
                Arguments.of("date", Date.SCHEMA, "{\"type\":\"integer\",\"title\":\"org.apache.kafka.connect.data.Date\","
                        + "\"connect.version\":1,\"connect.type\":\"int32\"}"),
                Arguments.of("time", Time.SCHEMA, "{\"type\":\"integer\",\"title\":\"org.apache.kafka.connect.data.Time\","
                        + "\"connect.version\":1,\"connect.type\":\"int32\"}"),
                Arguments.of("timestamp", Timestamp.SCHEMA, "{\"type\":\"integer\",\"title\":\"org.apache.kafka.connect.data.Timestamp\","
                        + "\"connect.version\":1,\"connect.type\":\"int64\"}"));
    }

    static Stream<Arguments> containers() {
        return Stream.of(
                Arguments.of("array", SchemaBuilder.array(Schema.STRING_SCHEMA).build(),
                        "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"),
                Arguments.of("map with string keys: an object", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(),
                        "{\"type\":\"object\",\"connect.type\":\"map\",\"additionalProperties\":{\"type\":\"integer\",\"connect.type\":\"int64\"}}"),
                Arguments.of("map with other keys: an array of key/value objects",
                        SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build(),
                        "{\"type\":\"array\",\"connect.type\":\"map\",\"items\":{\"type\":\"object\",\"properties\":{"
                                + "\"value\":{\"type\":\"string\",\"connect.index\":1},"
                                + "\"key\":{\"type\":\"integer\",\"connect.index\":0,\"connect.type\":\"int32\"}}}}"),
                Arguments.of("map with optional string keys: an array too",
                        SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA, Schema.BOOLEAN_SCHEMA).build(),
                        "{\"type\":\"array\",\"connect.type\":\"map\",\"items\":{\"type\":\"object\",\"properties\":{"
                                + "\"value\":{\"type\":\"boolean\",\"connect.index\":1},"
                                + "\"key\":{\"connect.index\":0,\"oneOf\":[{\"type\":\"null\"},{\"type\":\"string\"}]}}}}"),
                Arguments.of("named struct: title, connect.index, properties in Confluent's order",
                        SchemaBuilder.struct().name("com.acme.Order").version(2)
                                .field("id", Schema.INT64_SCHEMA)
                                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                                .field("qty", SchemaBuilder.int32().defaultValue(1).build())
                                .build(),
                        "{\"type\":\"object\",\"title\":\"com.acme.Order\",\"connect.version\":2,\"properties\":{"
                                + "\"note\":{\"connect.index\":1,\"oneOf\":[{\"type\":\"null\"},{\"type\":\"string\"}]},"
                                + "\"qty\":{\"type\":\"integer\",\"default\":1,\"connect.index\":2,\"connect.type\":\"int32\"},"
                                + "\"id\":{\"type\":\"integer\",\"connect.index\":0,\"connect.type\":\"int64\"}}}"),
                Arguments.of("optional struct field: oneOf null and the object",
                        SchemaBuilder.struct().name("Outer")
                                .field("inner", SchemaBuilder.struct().name("Inner").optional().field("x", Schema.INT32_SCHEMA).build())
                                .build(),
                        "{\"type\":\"object\",\"title\":\"Outer\",\"properties\":{\"inner\":{\"connect.index\":0,\"oneOf\":[{\"type\":\"null\"},"
                                + "{\"type\":\"object\",\"title\":\"Inner\",\"properties\":{\"x\":{\"type\":\"integer\",\"connect.index\":0,"
                                + "\"connect.type\":\"int32\"}}}]}}}"),
                Arguments.of("a union: the OneOf struct", SchemaBuilder.struct().name("io.confluent.connect.json.OneOf").optional()
                                .field("io.confluent.connect.json.OneOf.field.0", Schema.OPTIONAL_INT64_SCHEMA)
                                .field("io.confluent.connect.json.OneOf.field.1", Schema.OPTIONAL_STRING_SCHEMA).build(),
                        "{\"oneOf\":[{\"type\":\"null\"},{\"type\":\"integer\",\"connect.index\":0,\"connect.type\":\"int64\"},"
                                + "{\"type\":\"string\",\"connect.index\":1}]}"),
                Arguments.of("an enum: its symbols, without a type", SchemaBuilder.string()
                                .parameter("io.confluent.connect.json.Enum", "").parameter("io.confluent.connect.json.Enum.RED", "RED")
                                .parameter("io.confluent.connect.json.Enum.GREEN", "GREEN").build(),
                        "{\"enum\":[\"RED\",\"GREEN\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"primitives", "containers"})
    void shouldWriteTheJsonSchemaConfluentsConverterWrites(String name, Schema connect, String json) {
        assertThat(DATA.fromConnectSchema(connect).text()).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"primitives", "containers"})
    void shouldReadTheJsonSchemaBackToTheSameConnectSchema(String name, Schema connect, String json) {
        Schema back = DATA.toConnectSchema(ParsedJsonSchema.parse(json), null);
        assertThat(ConnectSchemas.describe(back)).isEqualTo(ConnectSchemas.describe(connect));
    }

    static Stream<Arguments> foreignSchemas() {
        return Stream.of(
                Arguments.of("an integer without connect.type is INT64", "{\"type\":\"integer\"}", "INT64"),
                Arguments.of("a number without connect.type is FLOAT64", "{\"type\":\"number\"}", "FLOAT64"),
                Arguments.of("a type list with null is optional", "{\"type\":[\"string\",\"null\"]}", "STRING optional"),
                Arguments.of("anyOf with null is optional", "{\"anyOf\":[{\"type\":\"boolean\"},{\"type\":\"null\"}]}", "BOOLEAN optional"),
                Arguments.of("properties without connect.index keep their order, title names the struct",
                        "{\"type\":\"object\",\"title\":\"P\",\"properties\":{\"b\":{\"type\":\"string\"},\"a\":{\"type\":\"integer\"}}}",
                        "STRUCT name=P fields=[b: STRING, a: INT64]"),
                Arguments.of("a local $ref is followed",
                        "{\"type\":\"object\",\"properties\":{\"home\":{\"$ref\":\"#/definitions/Addr\"}},"
                                + "\"definitions\":{\"Addr\":{\"type\":\"object\",\"title\":\"Addr\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}",
                        "STRUCT fields=[home: STRUCT name=Addr fields=[city: STRING]]"),
                Arguments.of("an enum without a type is a string",
                        "{\"enum\":[\"a\",\"b\"]}",
                        "STRING params={io.confluent.connect.json.Enum=, io.confluent.connect.json.Enum.a=a, io.confluent.connect.json.Enum.b=b}"),
                Arguments.of("allOf of a type and a narrowing keyword is the type",
                        "{\"allOf\":[{\"type\":\"string\"},{\"maxLength\":3}]}", "STRING"),
                Arguments.of("a oneOf of several types is a OneOf struct",
                        "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}",
                        "STRUCT name=io.confluent.connect.json.OneOf fields=[io.confluent.connect.json.OneOf.field.0: STRING optional, "
                                + "io.confluent.connect.json.OneOf.field.1: INT64 optional]"),
                Arguments.of("a default is read into the Connect type",
                        "{\"type\":\"integer\",\"connect.type\":\"int16\",\"default\":12}", "INT16 default=12"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignSchemas")
    void shouldMapJsonSchemasNotWrittenByConnect(String name, String json, String connect) {
        assertThat(ConnectSchemas.describe(DATA.toConnectSchema(ParsedJsonSchema.parse(json), null))).isEqualTo(connect);
    }

    static Stream<Arguments> unmappable() {
        return Stream.of(
                Arguments.of("no type at all", "{\"description\":\"anything\"}", "without a type"),
                Arguments.of("several types", "{\"type\":[\"string\",\"integer\"]}", "several types"),
                Arguments.of("an array without items", "{\"type\":\"array\"}", "did not specify the items"),
                Arguments.of("a recursive reference", "{\"type\":\"object\",\"title\":\"Node\",\"properties\":{\"next\":{\"$ref\":\"#\"}}}",
                        "recursive reference"),
                Arguments.of("a remote reference", "{\"$ref\":\"https://example.com/x.json\"}", "only references within"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unmappable")
    void shouldRefuseJsonSchemasConnectCannotExpress(String name, String json, String message) {
        assertThatThrownBy(() -> DATA.toConnectSchema(ParsedJsonSchema.parse(json), null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void shouldFollowTheMappingOptions(String name, Map<String, Object> settings, Schema connect, String json) {
        assertThat(new JsonSchemaData(settings).fromConnectSchema(connect).text()).isEqualTo(json);
    }

    static Stream<Arguments> options() {
        return Stream.of(Arguments.of("object.additional.properties=false closes structs",
                Map.of("object.additional.properties", false), SchemaBuilder.struct().field("a", Schema.BOOLEAN_SCHEMA).build(),
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"boolean\",\"connect.index\":0}},\"additionalProperties\":false}"));
    }

    @org.junit.jupiter.api.Test
    void shouldMakeNonRequiredPropertiesOptionalWhenAsked() {
        ParsedJsonSchema schema = ParsedJsonSchema.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},"
                + "\"b\":{\"type\":\"string\"}},\"required\":[\"a\"]}");

        assertThat(ConnectSchemas.describe(new JsonSchemaData(Map.of("use.optional.for.nonrequired", true)).toConnectSchema(schema, null)))
                .isEqualTo("STRUCT fields=[a: STRING, b: STRING optional]");
        assertThat(ConnectSchemas.describe(DATA.toConnectSchema(schema, 4))).isEqualTo("STRUCT version=4 fields=[a: STRING, b: STRING]");
    }
}
