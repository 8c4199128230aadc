package io.ferry.serde.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden Avro schemas: the exact text Confluent's converter registers for each Connect schema. Equal text
 * means the registry gives Ferry's converter the same ids and versions, and each converter reads the
 * other's records. Each case also maps back to the Connect schema it came from.
 */
class AvroDataSchemaTest {
    private static final AvroData AVRO_DATA = new AvroData(AvroDataOptions.defaults());

    static Stream<Arguments> primitives() {
        return Stream.of(
                Arguments.of("int8", Schema.INT8_SCHEMA, "{\"type\":\"int\",\"connect.type\":\"int8\"}"),
                Arguments.of("int16", Schema.INT16_SCHEMA, "{\"type\":\"int\",\"connect.type\":\"int16\"}"),
                Arguments.of("int32", Schema.INT32_SCHEMA, "\"int\""),
                Arguments.of("int64", Schema.INT64_SCHEMA, "\"long\""),
                Arguments.of("float32", Schema.FLOAT32_SCHEMA, "\"float\""),
                Arguments.of("float64", Schema.FLOAT64_SCHEMA, "\"double\""),
                Arguments.of("boolean", Schema.BOOLEAN_SCHEMA, "\"boolean\""),
                Arguments.of("string", Schema.STRING_SCHEMA, "\"string\""),
                Arguments.of("bytes", Schema.BYTES_SCHEMA, "\"bytes\""),
                Arguments.of("optional string", Schema.OPTIONAL_STRING_SCHEMA, "[\"null\",\"string\"]"),
                Arguments.of("optional with default: the default's type first",
                        SchemaBuilder.int32().optional().defaultValue(7).build(),
                        "[{\"type\":\"int\",\"connect.default\":7},\"null\"]"),
                Arguments.of("named and documented string",
                        SchemaBuilder.string().name("com.acme.Code").version(3).doc("a code").parameter("length", "8").build(),
                        "{\"type\":\"string\",\"connect.doc\":\"a code\",\"connect.version\":3,"
                                + "\"connect.parameters\":{\"length\":\"8\"},\"connect.name\":\"com.acme.Code\"}"),
                Arguments.of("decimal", Decimal.schema(2),
                        "{\"type\":\"bytes\",\"scale\":2,\"precision\":64,\"connect.version\":1,\"connect.parameters\":{\"scale\":\"2\"},"
                                + "\"connect.name\":\"org.apache.kafka.connect.data.Decimal\",\"logicalType\":\"decimal\"}"),
                Arguments.of("decimal with precision", Decimal.builder(2).parameter("connect.decimal.precision", "10").build(),
                        "{\"type\":\"bytes\",\"scale\":2,\"precision\":10,\"connect.version\":1,"
                                + "\"connect.parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"10\"},"
                                + "\"connect.name\":\"org.apache.kafka.connect.data.Decimal\",\"logicalType\":\"decimal\"}"),
                Arguments.of("date", Date.SCHEMA,
                        "{\"type\":\"int\",\"connect.version\":1,\"connect.name\":\"org.apache.kafka.connect.data.Date\","
                                + "\"logicalType\":\"date\"}"),
                Arguments.of("time", Time.SCHEMA,
                        "{\"type\":\"int\",\"connect.version\":1,\"connect.name\":\"org.apache.kafka.connect.data.Time\","
                                + "\"logicalType\":\"time-millis\"}"),
                Arguments.of("timestamp", Timestamp.SCHEMA,
                        "{\"type\":\"long\",\"connect.version\":1,\"connect.name\":\"org.apache.kafka.connect.data.Timestamp\","
                                + "\"logicalType\":\"timestamp-millis\"}"));
    }

    static Stream<Arguments> containers() {
        return Stream.of(
                Arguments.of("array", SchemaBuilder.array(Schema.STRING_SCHEMA).build(), "{\"type\":\"array\",\"items\":\"string\"}"),
                Arguments.of("map with string keys", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(),
                        "{\"type\":\"map\",\"values\":\"long\"}"),
                Arguments.of("map with other keys: an array of MapEntry records",
                        SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build(),
                        "{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"MapEntry\",\"namespace\":\"io.confluent.connect.avro\","
                                + "\"fields\":[{\"name\":\"key\",\"type\":\"int\"},{\"name\":\"value\",\"type\":\"string\"}]}}"),
                Arguments.of("map with optional string keys", SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA, Schema.INT32_SCHEMA).build(),
                        "{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"MapEntry\",\"namespace\":\"io.confluent.connect.avro\","
                                + "\"fields\":[{\"name\":\"key\",\"type\":[\"null\",\"string\"],\"default\":null},"
                                + "{\"name\":\"value\",\"type\":\"int\"}]}}"),
                Arguments.of("unnamed struct: ConnectDefault", SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build(),
                        "{\"type\":\"record\",\"name\":\"ConnectDefault\",\"namespace\":\"io.confluent.connect.avro\","
                                + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}"),
                Arguments.of("unnamed nested structs: ConnectDefault2, 3 ...", SchemaBuilder.struct()
                                .field("a", SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build())
                                .field("b", SchemaBuilder.struct().field("y", Schema.INT32_SCHEMA).build()).build(),
                        "{\"type\":\"record\",\"name\":\"ConnectDefault\",\"namespace\":\"io.confluent.connect.avro\",\"fields\":["
                                + "{\"name\":\"a\",\"type\":{\"type\":\"record\",\"name\":\"ConnectDefault2\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}},"
                                + "{\"name\":\"b\",\"type\":{\"type\":\"record\",\"name\":\"ConnectDefault3\",\"fields\":[{\"name\":\"y\",\"type\":\"int\"}]}}]}"),
                Arguments.of("named struct with optional fields and defaults", SchemaBuilder.struct().name("com.acme.Order").version(2)
                                .field("id", Schema.INT64_SCHEMA)
                                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                                .field("qty", SchemaBuilder.int32().defaultValue(1).build())
                                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
                                .build(),
                        "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\",\"fields\":["
                                + "{\"name\":\"id\",\"type\":\"long\"},"
                                + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null},"
                                + "{\"name\":\"qty\",\"type\":{\"type\":\"int\",\"connect.default\":1},\"default\":1},"
                                + "{\"name\":\"tags\",\"type\":[\"null\",{\"type\":\"array\",\"items\":\"string\"}],\"default\":null}],"
                                + "\"connect.version\":2,\"connect.name\":\"com.acme.Order\"}"),
                Arguments.of("optional struct field", SchemaBuilder.struct().name("Outer")
                                .field("inner", SchemaBuilder.struct().name("Inner").optional().field("x", Schema.INT32_SCHEMA).build()).build(),
                        "{\"type\":\"record\",\"name\":\"Outer\",\"fields\":[{\"name\":\"inner\",\"type\":[\"null\",{\"type\":\"record\","
                                + "\"name\":\"Inner\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}],\"connect.name\":\"Inner\"}],"
                                + "\"default\":null}],\"connect.name\":\"Outer\"}"),
                Arguments.of("the same struct twice is defined once", SchemaBuilder.struct().name("Pair")
                                .field("left", point()).field("right", point()).build(),
                        "{\"type\":\"record\",\"name\":\"Pair\",\"fields\":[{\"name\":\"left\",\"type\":{\"type\":\"record\","
                                + "\"name\":\"Point\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}],\"connect.name\":\"Point\"}},"
                                + "{\"name\":\"right\",\"type\":\"Point\"}],\"connect.name\":\"Pair\"}"));
    }

    private static Schema point() {
        return SchemaBuilder.struct().name("Point").field("x", Schema.INT32_SCHEMA).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"primitives", "containers"})
    void shouldWriteTheAvroSchemaConfluentsConverterWrites(String name, Schema connect, String avro) {
        assertThat(AVRO_DATA.fromConnectSchema(connect).toString()).isEqualTo(avro);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"primitives", "containers"})
    void shouldReadTheAvroSchemaBackToTheSameConnectSchema(String name, Schema connect, String avro) {
        Schema back = AVRO_DATA.toConnectSchema(new org.apache.avro.Schema.Parser().parse(avro));
        assertThat(ConnectSchemas.describe(back)).isEqualTo(ConnectSchemas.describe(connect));
    }

    static Stream<Arguments> foreignSchemas() {
        return Stream.of(
                Arguments.of("an enum becomes a string with its symbols as parameters",
                        "{\"type\":\"enum\",\"name\":\"Color\",\"namespace\":\"com.acme\",\"symbols\":[\"RED\",\"GREEN\"]}",
                        "STRING name=com.acme.Color params={io.confluent.connect.avro.Enum=com.acme.Color, "
                                + "io.confluent.connect.avro.Enum.RED=RED, io.confluent.connect.avro.Enum.GREEN=GREEN}"),
                Arguments.of("a union becomes an io.confluent.connect.avro.Union struct",
                        "[\"null\",\"int\",\"string\"]",
                        "STRUCT optional name=io.confluent.connect.avro.Union fields=[int: INT32 optional, string: STRING optional]"),
                Arguments.of("fixed becomes named bytes with its size",
                        "{\"type\":\"fixed\",\"name\":\"Hash\",\"size\":4}", "BYTES name=Hash params={connect.fixed.size=4}"),
                Arguments.of("a field default is a Connect default, flagged as coming from Avro",
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":5,\"doc\":\"count\"}]}",
                        "STRUCT name=R params={io.confluent.connect.avro.field.doc.n=count} fields=[n: INT32 default=5 "
                                + "params={io.confluent.connect.avro.field.default=true}]"),
                Arguments.of("a decimal without connect properties",
                        "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":3}",
                        "BYTES name=org.apache.kafka.connect.data.Decimal version=1 params={scale=3, connect.decimal.precision=9}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignSchemas")
    void shouldMapAvroSchemasNotWrittenByConnectAsConfluentDoes(String name, String avro, String connect) {
        assertThat(ConnectSchemas.describe(AVRO_DATA.toConnectSchema(new org.apache.avro.Schema.Parser().parse(avro)))).isEqualTo(connect);
    }

    @ParameterizedTest(name = "enhanced: {0}")
    @MethodSource("enhanced")
    void shouldKeepEnumsAsEnumsWithEnhancedSchemaSupport(String name, String avro) {
        AvroData enhanced = new AvroData(Map.of("enhanced.avro.schema.support", "true"));
        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(avro);
        assertThat(enhanced.fromConnectSchema(enhanced.toConnectSchema(schema)).toString()).contains("\"type\":\"enum\"");
    }

    static Stream<Arguments> enhanced() {
        return Stream.of(Arguments.of("enum", "{\"type\":\"enum\",\"name\":\"Color\",\"namespace\":\"com.acme\",\"symbols\":[\"RED\",\"GREEN\"]}"));
    }
}
