package io.ferry.connectors.datagen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatagenSchemaCompilerTest {
    private static final String ORDER = """
            {"type": "record", "namespace": "shop", "name": "Order", "doc": "An order.", "fields": [
              {"name": "id", "type": "long"},
              {"name": "note", "type": ["null", "string"]},
              {"name": "placed", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "SHIPPED"]}},
              {"name": "shipping", "type": {"type": "record", "name": "Address", "fields": [{"name": "city", "type": "string"}]}},
              {"name": "billing", "type": ["null", "Address"]},
              {"name": "tags", "type": {"type": "array", "items": "string"}}
            ]}""";

    @Test
    void shouldNameStructsWithTheAvroFullNameAndMakeNullUnionsOptional() {
        Schema schema = DatagenSchemaCompiler.compile(ORDER).schema();
        assertThat(schema.type()).isEqualTo(Schema.Type.STRUCT);
        assertThat(schema.name()).isEqualTo("shop.Order");
        assertThat(schema.doc()).isEqualTo("An order.");
        assertThat(schema.field("id").schema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(schema.field("note").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(schema.field("placed").schema()).isEqualTo(Timestamp.SCHEMA);
        assertThat(schema.field("status").schema().name()).isEqualTo("shop.Status");
        assertThat(schema.field("status").schema().parameters())
                .containsEntry("io.confluent.connect.avro.Enum", "shop.Status")
                .containsEntry("io.confluent.connect.avro.Enum.SHIPPED", "SHIPPED");
        assertThat(schema.field("shipping").schema().name()).isEqualTo("shop.Address");
        assertThat(schema.field("shipping").schema().isOptional()).isFalse();
        assertThat(schema.field("billing").schema().name()).isEqualTo("shop.Address");
        assertThat(schema.field("billing").schema().isOptional()).isTrue();
        assertThat(schema.field("tags").schema().valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
    }

    @Test
    void shouldGenerateValuesValidForTheSchema() {
        DatagenSchemaCompiler.Compiled compiled = DatagenSchemaCompiler.compile(ORDER);
        for (long sequence = 0; sequence < 200; sequence++) {
            Struct value = (Struct) compiled.generator().next(DatagenDraw.of(1, 0, sequence));
            value.validate();
            assertThat(value.schema()).isEqualTo(compiled.schema());
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("not JSON", "{\"type\": \"record\"", "not a valid Avro schema"),
                Arguments.of("not a record", "\"string\"", "must be an Avro record"),
                Arguments.of("an unknown hint", field("{\"type\":\"int\",\"arg.properties\":{\"odds\":3}}"), "field Row.f: unsupported arg.properties [odds]"),
                Arguments.of("a hint the type cannot use", field("{\"type\":\"string\",\"arg.properties\":{\"range\":{\"min\":1,\"max\":2}}}"),
                        "field Row.f: hint range does not apply to type string"),
                Arguments.of("two hints at once", field("{\"type\":\"int\",\"arg.properties\":{\"range\":{\"max\":2},\"options\":[1]}}"),
                        "field Row.f: use one of options, range, iteration"),
                Arguments.of("an empty range", field("{\"type\":\"int\",\"arg.properties\":{\"range\":{\"min\":3,\"max\":3}}}"),
                        "field Row.f: range.min 3 must be below range.max 3"),
                Arguments.of("an int range outside int", field("{\"type\":\"int\",\"arg.properties\":{\"range\":{\"min\":0,\"max\":9999999999}}}"),
                        "field Row.f: range.max 9999999999 is outside"),
                Arguments.of("an option of the wrong type", field("{\"type\":\"int\",\"arg.properties\":{\"options\":[\"one\"]}}"),
                        "field Row.f: option one is not a number"),
                Arguments.of("an option that is not a symbol",
                        field("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"],\"arg.properties\":{\"options\":[\"B\"]}}"),
                        "field Row.f: option B is not a symbol of enum E"),
                Arguments.of("a union of two types", field("[\"null\",\"int\",\"string\"]"), "field Row.f: unions of null and one other type"),
                Arguments.of("a recursive record",
                        "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}",
                        "field Node.next: record Node contains itself"),
                Arguments.of("a back reference", field("{\"type\":\"string\",\"arg.properties\":{\"regex\":\"(a)\\\\1\"}}"),
                        "field Row.f: regex (a)\\1 uses \\1"),
                Arguments.of("a look-ahead", field("{\"type\":\"string\",\"arg.properties\":{\"regex\":\"a(?=b)\"}}"),
                        "field Row.f: regex a(?=b) uses look-around"),
                Arguments.of("a nested field's problem names its path",
                        field("{\"type\":\"record\",\"name\":\"In\",\"fields\":[{\"name\":\"g\",\"type\":{\"type\":\"array\",\"items\":"
                                + "{\"type\":\"long\",\"arg.properties\":{\"length\":2}}}}]}"),
                        "field Row.f.g[]: hint length does not apply to type long"),
                Arguments.of("a decimal", field("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4}"),
                        "field Row.f: logical type decimal is not supported"),
                Arguments.of("a null field", field("\"null\""), "field Row.f: type null carries no data"));
    }

    private static String field(String type) {
        return "{\"type\":\"record\",\"name\":\"Row\",\"fields\":[{\"name\":\"f\",\"type\":" + type + "}]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldRefuseWhatItCannotGenerateNamingTheField(String name, String schema, String message) {
        assertThatThrownBy(() -> DatagenSchemaCompiler.compile(schema))
                .isInstanceOf(DatagenSchemaException.class)
                .hasMessageContaining(message);
    }
}
