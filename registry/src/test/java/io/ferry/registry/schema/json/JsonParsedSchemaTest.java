package io.ferry.registry.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which draft a schema is read as, and what a parsed schema answers with. */
class JsonParsedSchemaTest {

    private static JsonParsedSchema parse(String text) throws InvalidSchemaException {
        return new JsonSchemaProvider().parse(text, List.of(), List.of(), ParseOptions.NEW);
    }

    static Stream<Arguments> drafts() {
        String object = "\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}";
        return Stream.of(
                Arguments.of("{" + object + "}", JsonSchemaDraft.DRAFT_7),
                Arguments.of("{\"$schema\":\"http://json-schema.org/draft-04/schema#\"," + object
                        + ",\"definitions\":{\"d\":{\"id\":\"#d\",\"type\":\"string\"}}}", JsonSchemaDraft.DRAFT_4),
                Arguments.of("{\"$schema\":\"http://json-schema.org/draft-06/schema#\"," + object
                        + ",\"propertyNames\":{\"maxLength\":8},\"contains\":true}", JsonSchemaDraft.DRAFT_6),
                Arguments.of("{\"$schema\":\"http://json-schema.org/draft-07/schema\"," + object
                        + ",\"if\":{\"required\":[\"id\"]},\"then\":true}", JsonSchemaDraft.DRAFT_7),
                Arguments.of("{\"$schema\":\"https://json-schema.org/draft/2019-09/schema\"," + object
                        + ",\"$defs\":{\"d\":{\"type\":\"string\"}},\"dependentRequired\":{\"id\":[]}}",
                        JsonSchemaDraft.DRAFT_2019_09),
                Arguments.of("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"," + object
                        + ",\"prefixItems\":[{\"type\":\"string\"}],\"$defs\":{\"d\":{\"$ref\":\"#\"}}}",
                        JsonSchemaDraft.DRAFT_2020_12),
                Arguments.of("{\"$schema\":\"https://json-schema.org/draft-04/schema\"," + object + "}",
                        JsonSchemaDraft.DRAFT_4),
                Arguments.of("{\"$schema\":\"https://example.com/my-dialect\"," + object + "}", JsonSchemaDraft.DRAFT_7),
                Arguments.of("true", JsonSchemaDraft.DRAFT_7));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("drafts")
    void shouldReadEachSchemaAsTheDraftItsSchemaKeywordNames(String text, JsonSchemaDraft draft) throws Exception {
        JsonParsedSchema parsed = parse(text);

        assertThat(parsed.draft()).isEqualTo(draft);
        assertThat(parsed.type()).isEqualTo(SchemaType.JSON);
    }

    static Stream<Arguments> canonicalTexts() {
        return Stream.of(
                Arguments.of("spaces and line breaks go",
                        "{\n  \"type\" : \"object\",\n  \"properties\" : { \"id\" : { \"type\" : \"integer\" } }\n}",
                        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}"),
                Arguments.of("keys keep their order", "{\"title\":\"T\",\"type\":\"object\",\"additionalProperties\":false}",
                        "{\"title\":\"T\",\"type\":\"object\",\"additionalProperties\":false}"),
                Arguments.of("decimals keep their digits", "{\"type\":\"number\",\"multipleOf\":0.50,\"maximum\":1e3}",
                        "{\"type\":\"number\",\"multipleOf\":0.50,\"maximum\":1E+3}"),
                Arguments.of("unknown keywords stay", "{\"type\":\"string\",\"x-ferry\":{\"b\":1,\"a\":[2,1]}}",
                        "{\"type\":\"string\",\"x-ferry\":{\"b\":1,\"a\":[2,1]}}"),
                Arguments.of("escapes are written minimally", "{\"description\":\"caf\\u00e9 \\/ \\\"q\\\"\"}",
                        "{\"description\":\"café / \\\"q\\\"\"}"),
                Arguments.of("a boolean schema", " true ", "true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalTexts")
    void shouldAnswerWithCompactJsonInTheOrderGiven(String description, String text, String canonical) throws Exception {
        assertThat(parse(text).canonicalString()).isEqualTo(canonical);
    }

    @Test
    void shouldAcceptRefsThatResolveInDefinitionsNoValidationReaches() throws Exception {
        String text = "{\"definitions\":{\"a b/c~\":{\"items\":[{\"$ref\":\"#/definitions/b%25\"}]},\"b%\":{\"type\":\"string\"}},"
                + "\"properties\":{\"enum\":{\"enum\":[{\"$ref\":\"data, not a reference\"}]}}}";

        assertThat(parse(text).root().path("definitions").size()).isEqualTo(2);
    }

    @Test
    void shouldBeNamedByItsTitle() throws Exception {
        assertThat(parse("{\"title\":\"com.acme.Order\",\"type\":\"object\"}").name()).isEqualTo("com.acme.Order");
        assertThat(parse("{\"type\":\"object\",\"properties\":{\"p\":{\"title\":\"Inner\"}}}").name()).isNull();
        assertThat(parse("false").name()).isNull();
    }

    @Test
    void shouldHandOutTheTreeAsGiven() throws Exception {
        JsonParsedSchema parsed = parse("{\"type\":\"object\",\"$schema\":\"http://json-schema.org/draft-07/schema#\"}");

        JsonNode root = parsed.rawSchema();
        assertThat(root).isSameAs(parsed.root());
        assertThat(root.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        assertThat(parsed.referencedRoots()).isEmpty();
        assertThat(parsed.references()).isEmpty();
    }

    @Test
    void shouldEqualASchemaWithTheSameCanonicalText() throws Exception {
        JsonParsedSchema spaced = parse("{ \"type\" : \"string\" }");
        JsonParsedSchema compact = parse("{\"type\":\"string\"}");

        assertThat(spaced).isEqualTo(compact).hasSameHashCodeAs(compact);
        assertThat(spaced).isNotEqualTo(parse("{\"type\":\"integer\"}"));
    }
}
