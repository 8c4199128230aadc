package io.ferry.registry.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code $ref}s into other subjects' schemas, found by the reference's name. */
class JsonSchemaReferencesTest {

    private static final String ADDRESS = "{\"type\":\"object\",\"properties\":{\"street\":{\"$ref\":\"#/definitions/street\"},"
            + "\"country\":{\"$ref\":\"country.json\"}},\"definitions\":{\"street\":{\"type\":\"string\"}}}";
    private static final String COUNTRY = "{\"type\":\"string\",\"enum\":[\"NL\",\"FR\"]}";

    private static final SchemaReference TO_ADDRESS = new SchemaReference("address.json", "address", 1);
    private static final SchemaReference TO_COUNTRY = new SchemaReference("country.json", "country", 3);

    /** Address refers to country; the resolver gives both, each after what it needs. */
    private static final List<ResolvedReference> RESOLVED = List.of(
            new ResolvedReference(TO_COUNTRY, COUNTRY), new ResolvedReference(TO_ADDRESS, ADDRESS));

    private static JsonParsedSchema parse(String text) throws InvalidSchemaException {
        return new JsonSchemaProvider().parse(text, List.of(TO_ADDRESS), RESOLVED, ParseOptions.NEW);
    }

    static Stream<Arguments> resolvingRefs() {
        return Stream.of(
                Arguments.of("a whole document", "{\"properties\":{\"home\":{\"$ref\":\"address.json\"}}}"),
                Arguments.of("a definition inside it",
                        "{\"properties\":{\"street\":{\"$ref\":\"address.json#/definitions/street\"}}}"),
                Arguments.of("a document referenced transitively", "{\"properties\":{\"c\":{\"$ref\":\"country.json\"}}}"),
                Arguments.of("a name relative to the schema's $id",
                        "{\"$id\":\"https://acme.com/schemas/customer.json\",\"properties\":{\"home\":{\"$ref\":\"address.json\"}}}"),
                Arguments.of("an absolute URI that resolves the name against the schema's $id",
                        "{\"$id\":\"https://acme.com/schemas/customer.json\","
                                + "\"properties\":{\"home\":{\"$ref\":\"https://acme.com/schemas/address.json\"}}}"),
                Arguments.of("a name from draft 2020-12", "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                        + "\"properties\":{\"home\":{\"$ref\":\"address.json\"}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolvingRefs")
    void shouldResolveARefByTheReferencesName(String description, String text) throws Exception {
        JsonParsedSchema parsed = parse(text);

        assertThat(parsed.references()).containsExactly(TO_ADDRESS);
        assertThat(parsed.referencedRoots()).containsOnlyKeys("country.json", "address.json");
        assertThat(parsed.referencedRoots().get("address.json").path("definitions").has("street")).isTrue();
    }

    static Stream<Arguments> unresolvedRefs() {
        return Stream.of(
                Arguments.of("a definition the referenced document lacks",
                        "{\"properties\":{\"x\":{\"$ref\":\"address.json#/definitions/zip\"}}}",
                        "Reference /definitions/zip cannot be resolved"),
                Arguments.of("a name no reference declares", "{\"properties\":{\"x\":{\"$ref\":\"phone.json\"}}}",
                        "Reference phone.json cannot be resolved"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unresolvedRefs")
    void shouldRejectARefThatDoesNotResolve(String description, String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidSchemaException.class).hasMessage(message);
    }

    @Test
    void shouldRejectAReferenceWithoutAResolvedSchemaAsTheAvroPathDoes() {
        SchemaReference missing = new SchemaReference("phone.json", "phone", 7);

        assertThatThrownBy(() -> new JsonSchemaProvider().parse("{\"$ref\":\"phone.json\"}", List.of(missing), List.of()))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage("No schema reference found for subject \"phone\" and version 7");
    }

    @Test
    void shouldKeepTheFirstSchemaGivenForAName() throws Exception {
        SchemaReference other = new SchemaReference("country.json", "other-country", 1);
        List<ResolvedReference> resolved = List.of(
                new ResolvedReference(TO_COUNTRY, COUNTRY), new ResolvedReference(other, "{\"type\":\"integer\"}"));

        JsonParsedSchema parsed = new JsonSchemaProvider().parse("{\"$ref\":\"country.json\"}", List.of(TO_COUNTRY, other), resolved);

        assertThat(parsed.referencedRoots().get("country.json").path("type").asText()).isEqualTo("string");
    }

    @Test
    void shouldNotCountReferencesInItsCanonicalText() throws Exception {
        JsonParsedSchema parsed = parse("{\"$ref\":\"address.json\"}");

        assertThat(parsed.canonicalString()).isEqualTo("{\"$ref\":\"address.json\"}");
    }
}
