package io.ferry.registry.schema.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.SchemaType;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a parsed Avro schema tells about itself. */
class AvroParsedSchemaTest {

    private final AvroSchemaProvider provider = new AvroSchemaProvider();

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("{\"type\": \"record\", \"name\": \"User\", \"namespace\": \"com.acme\", \"fields\": []}", "com.acme.User"),
                Arguments.of("{\"type\": \"record\", \"name\": \"com.acme.User\", \"fields\": []}", "com.acme.User"),
                Arguments.of("{\"type\": \"record\", \"name\": \"User\", \"fields\": []}", "User"),
                Arguments.of("{\"type\": \"enum\", \"name\": \"Suit\", \"namespace\": \"cards\", \"symbols\": [\"A\"]}", null),
                Arguments.of("{\"type\": \"fixed\", \"name\": \"Md5\", \"size\": 16}", null),
                Arguments.of("\"string\"", null),
                Arguments.of("[\"null\", {\"type\": \"record\", \"name\": \"R\", \"fields\": []}]", null));
    }

    @ParameterizedTest(name = "{0} is named {1}")
    @MethodSource("names")
    void shouldBeNamedByItsTopLevelRecordOnly(String text, String name) throws InvalidSchemaException {
        assertThat(provider.parse(text, List.of(), List.of()).name()).isEqualTo(name);
    }

    @Test
    void shouldBeAnAvroSchemaWithItsAvroForm() throws InvalidSchemaException {
        AvroParsedSchema schema = provider.parse("{\"type\": \"array\", \"items\": \"long\"}", List.of(), List.of());

        assertThat(schema.type()).isEqualTo(SchemaType.AVRO);
        assertThat(schema.rawSchema()).isEqualTo(Schema.createArray(Schema.create(Schema.Type.LONG)));
        assertThat(schema.references()).isEmpty();
        assertThat(schema).hasToString("{\"type\":\"array\",\"items\":\"long\"}");
    }

    @Test
    void shouldEqualASchemaWithTheSameCanonicalString() throws InvalidSchemaException {
        AvroParsedSchema compact = provider.parse("{\"type\":\"map\",\"values\":\"int\"}", List.of(), List.of());
        AvroParsedSchema spaced = provider.parse("{ \"values\" : \"int\", \"type\" : \"map\" }", List.of(), List.of());

        assertThat(spaced).isEqualTo(compact).hasSameHashCodeAs(compact);
    }

    @Test
    void shouldNotEqualASchemaThatDiffersOnlyInADoc() throws InvalidSchemaException {
        AvroParsedSchema plain = provider.parse("{\"type\": \"record\", \"name\": \"R\", \"fields\": []}", List.of(), List.of());
        AvroParsedSchema documented =
                provider.parse("{\"type\": \"record\", \"name\": \"R\", \"doc\": \"d\", \"fields\": []}", List.of(), List.of());

        assertThat(documented).isNotEqualTo(plain);
    }
}
