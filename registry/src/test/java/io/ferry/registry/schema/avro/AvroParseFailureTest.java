package io.ferry.registry.schema.avro;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Texts that are not Avro schemas fail with the parser's own message, whichever way they are parsed. */
class AvroParseFailureTest {

    static Stream<Arguments> invalidSchemas() {
        return Stream.of(
                Arguments.of("an empty text", "", "Empty schema"),
                Arguments.of("a blank text", "  \n ", "Empty schema"),
                Arguments.of("a record without fields", "{\"type\": \"record\", \"name\": \"R\"}",
                        "Record has no fields: {\"type\":\"record\",\"name\":\"R\"}"),
                Arguments.of("a field of an undefined type",
                        "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"f\", \"type\": \"Missing\"}]}",
                        "Undefined schema: Missing"),
                Arguments.of("a field name with a hyphen",
                        "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"bad-field\", \"type\": \"int\"}]}",
                        "Illegal character in: bad-field"),
                Arguments.of("a record name with a hyphen", "{\"type\": \"record\", \"name\": \"R-1\", \"fields\": []}",
                        "Illegal character in: R-1"),
                Arguments.of("a nested fixed name starting with a digit",
                        "{\"type\": \"record\", \"name\": \"R\", \"fields\": "
                                + "[{\"name\": \"f\", \"type\": {\"type\": \"fixed\", \"name\": \"1F\", \"size\": 2}}]}",
                        "Illegal initial character: 1F"),
                Arguments.of("an enum symbol with a hyphen",
                        "{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"OK\", \"BAD-ONE\"]}",
                        "Illegal character in: BAD-ONE"),
                Arguments.of("a repeated enum symbol", "{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\", \"A\"]}",
                        "Duplicate enum symbol: A"),
                Arguments.of("an enum default that is not a symbol",
                        "{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\"], \"default\": \"Z\"}",
                        "The Enum Default: Z is not in the enum symbol set: [A]"),
                Arguments.of("a repeated union branch", "[\"null\", \"null\"]", "Duplicate in union:null"),
                Arguments.of("a repeated field",
                        "{\"type\": \"record\", \"name\": \"R\", \"fields\": "
                                + "[{\"name\": \"f\", \"type\": \"int\"}, {\"name\": \"f\", \"type\": \"int\"}]}",
                        "Duplicate field f in record R: f type:INT pos:1 and f type:INT pos:0."),
                Arguments.of("a fixed without size", "{\"type\": \"fixed\", \"name\": \"F\"}",
                        "Invalid or no size: {\"type\":\"fixed\",\"name\":\"F\"}"),
                Arguments.of("an array without items", "{\"type\": \"array\"}",
                        "Array has no items type: {\"type\":\"array\"}"),
                Arguments.of("text after the schema",
                        "{\"type\": \"record\", \"name\": \"R\", \"fields\": []} trailing",
                        "dangling content after end of schema: trailing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSchemas")
    void shouldRejectWithTheParsersMessage(String description, String text, String message) {
        assertThatThrownBy(() -> new AvroSchemaProvider().parse(text, List.of(), List.of()))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> invalidJson() {
        return Stream.of(
                Arguments.of("an unfinished object", "{\"type\":",
                        "com.fasterxml.jackson.core.io.JsonEOFException: Unexpected end-of-input"),
                Arguments.of("a bare word", "not json",
                        "com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'not'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidJson")
    void shouldRejectInvalidJsonWithTheJsonParsersMessage(String description, String text, String messageStart) {
        assertThatThrownBy(() -> new AvroSchemaProvider().parse(text, List.of(), List.of()))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageStartingWith(messageStart);
    }
}
