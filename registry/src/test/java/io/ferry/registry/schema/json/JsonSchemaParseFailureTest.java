package io.ferry.registry.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Texts that are not JSON Schemas fail with the parser's message; stored ones only when they are not JSON. */
class JsonSchemaParseFailureTest {

    private static final String DRAFT_4 = "\"$schema\":\"http://json-schema.org/draft-04/schema#\",";
    private static final String DRAFT_2020_12 = "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",";

    static Stream<Arguments> notJson() {
        return Stream.of(
                Arguments.of("an empty text", "", "Empty schema"),
                Arguments.of("a blank text", " \n ", "Empty schema"),
                Arguments.of("an unfinished object", "{\"type\":",
                        "Invalid JSON: Unexpected end-of-input within/between Object entries (line 1, column 9)"),
                Arguments.of("a bare word", "not json",
                        "Invalid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object "
                                + "or token 'null', 'true' or 'false') (line 1, column 1)"),
                Arguments.of("text after the schema", "{\"type\":\"string\"} trailing",
                        "Invalid JSON: Unrecognized token 'trailing': was expecting (JSON String, Number, Array, "
                                + "Object or token 'null', 'true' or 'false') (line 1, column 19)"));
    }

    static Stream<Arguments> notSchemas() {
        return Stream.of(
                Arguments.of("a number", "5",
                        "Not a valid draft-07 JSON Schema: #: integer found, [object, boolean] expected"),
                Arguments.of("an unknown type", "{\"type\":\"strng\"}",
                        "Not a valid draft-07 JSON Schema: #/type: does not have a value in the enumeration "
                                + "[\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]; "
                                + "#/type: string found, array expected"),
                Arguments.of("required given as a string", "{\"type\":\"object\",\"required\":\"id\"}",
                        "Not a valid draft-07 JSON Schema: #/required: string found, array expected"),
                Arguments.of("a property's schema that is a number",
                        "{\"type\":\"object\",\"properties\":{\"id\":5}}",
                        "Not a valid draft-07 JSON Schema: #/properties/id: integer found, [object, boolean] expected"),
                Arguments.of("a boolean schema in draft 4", "{" + DRAFT_4 + "\"properties\":{\"id\":true}}",
                        "Not a valid draft-04 JSON Schema: #/properties/id: boolean found, object expected"),
                Arguments.of("a negative minLength in draft 2020-12",
                        "{" + DRAFT_2020_12 + "\"type\":\"string\",\"minLength\":-1}",
                        "Not a valid draft 2020-12 JSON Schema: #/minLength: must have a minimum value of 0"),
                Arguments.of("a $ref into a missing definition", "{\"$ref\":\"#/definitions/missing\"}",
                        "Reference /definitions/missing cannot be resolved"),
                Arguments.of("a $ref to a document that is not referenced",
                        "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"address.json\"}}}",
                        "Reference address.json cannot be resolved"),
                Arguments.of("a $ref to a remote document", "{\"$ref\":\"https://example.com/address.json\"}",
                        "Reference https://example.com/address.json cannot be resolved"),
                Arguments.of("a $ref in an unused definition", "{\"definitions\":{\"a\":{\"$ref\":\"#/definitions/b\"}}}",
                        "Reference /definitions/b cannot be resolved"),
                Arguments.of("a $ref under a property name with a space and a slash",
                        "{\"definitions\":{\"a b/c~\":{\"items\":[{\"$ref\":\"#/definitions/b\"}]}}}",
                        "Reference /definitions/b cannot be resolved"));
    }

    static Stream<Arguments> invalidSchemas() {
        return Stream.concat(notJson(), notSchemas());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSchemas")
    void shouldRejectANewSchemaWithTheParsersMessage(String description, String text, String message) {
        assertThatThrownBy(() -> new JsonSchemaProvider().parse(text, List.of(), List.of(), ParseOptions.NEW))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notJson")
    void shouldRejectAStoredTextThatIsNotJson(String description, String text, String message) {
        assertThatThrownBy(() -> new JsonSchemaProvider().parse(text, List.of(), List.of()))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSchemas")
    void shouldReadAStoredSchemaWithoutCheckingItAgain(String description, String text, String message) throws Exception {
        // Checked when registered, perhaps by another registry on the same topic: a stricter check now must not
        // make a stored version unreadable.
        assertThat(new JsonSchemaProvider().parse(text, List.of(), List.of()).canonicalString())
                .isEqualTo(JsonSchemaText.write(JsonSchemaText.read(text)));
    }
}
