package io.ferry.registry.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The normal form behind {@code normalize=true}: keys sorted at every depth, references in order. */
class JsonNormalFormTest {

    private static JsonParsedSchema parse(String text) throws InvalidSchemaException {
        return new JsonSchemaProvider().parse(text, List.of(), List.of(), ParseOptions.NEW_NORMALIZED);
    }

    static Stream<Arguments> normalForms() {
        return Stream.of(
                Arguments.of("top-level keys are sorted", "{\"type\":\"object\",\"title\":\"T\",\"$id\":\"urn:t\"}",
                        "{\"$id\":\"urn:t\",\"title\":\"T\",\"type\":\"object\"}"),
                Arguments.of("property names and nested keys are sorted",
                        "{\"properties\":{\"b\":{\"type\":\"string\",\"maxLength\":3},\"a\":{\"type\":\"integer\"}}}",
                        "{\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"maxLength\":3,\"type\":\"string\"}}}"),
                Arguments.of("arrays keep their order",
                        "{\"required\":[\"b\",\"a\"],\"enum\":[{\"z\":1,\"y\":2},\"x\"],\"anyOf\":[{\"type\":\"string\"},true]}",
                        "{\"anyOf\":[{\"type\":\"string\"},true],\"enum\":[{\"y\":2,\"z\":1},\"x\"],\"required\":[\"b\",\"a\"]}"),
                Arguments.of("a $ref is kept as written", "{\"definitions\":{\"d\":{}},\"$ref\":\"#/definitions/d\"}",
                        "{\"$ref\":\"#/definitions/d\",\"definitions\":{\"d\":{}}}"),
                Arguments.of("numbers keep their digits", "{\"type\":\"number\",\"multipleOf\":0.50}",
                        "{\"multipleOf\":0.50,\"type\":\"number\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalForms")
    void shouldSortKeysAtEveryDepth(String description, String text, String normal) throws Exception {
        JsonParsedSchema normalized = parse(text).normalize();

        assertThat(normalized.canonicalString()).isEqualTo(normal);
        assertThat(normalized.normalize().canonicalString()).as("normalising again changes nothing").isEqualTo(normal);
    }

    @Test
    void shouldNormaliseSchemasThatDifferOnlyInKeyOrderToTheSameText() throws Exception {
        JsonParsedSchema one = parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}}}");
        JsonParsedSchema other = parse("{\"properties\":{\"b\":{\"type\":\"integer\"},\"a\":{\"type\":\"string\"}},\"type\":\"object\"}");

        assertThat(one).isNotEqualTo(other);
        assertThat(one.normalize()).isEqualTo(other.normalize());
    }

    @Test
    void shouldLeaveTheOriginalTreeUntouched() throws Exception {
        JsonParsedSchema parsed = parse("{\"type\":\"string\",\"description\":\"d\"}");

        parsed.normalize();

        assertThat(parsed.canonicalString()).isEqualTo("{\"type\":\"string\",\"description\":\"d\"}");
        assertThat(parsed.root().fieldNames().next()).isEqualTo("type");
    }

    @Test
    void shouldSortReferencesBySubjectThenVersionAndDropRepeats() throws Exception {
        SchemaReference b2 = new SchemaReference("b.json", "b", 2);
        SchemaReference a1 = new SchemaReference("a.json", "a", 1);
        List<SchemaReference> references = List.of(b2, a1, b2);
        List<ResolvedReference> resolved = List.of(
                new ResolvedReference(b2, "{\"type\":\"string\"}"), new ResolvedReference(a1, "{\"type\":\"integer\"}"));
        String text = "{\"properties\":{\"a\":{\"$ref\":\"a.json\"},\"b\":{\"$ref\":\"b.json\"}}}";

        JsonParsedSchema normalized = new JsonSchemaProvider().parse(text, references, resolved).normalize();

        assertThat(normalized.references()).containsExactly(a1, b2);
        assertThat(normalized.referencedRoots()).containsOnlyKeys("b.json", "a.json");
    }
}
