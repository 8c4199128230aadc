package io.ferry.registry.compat.json;

import static io.ferry.registry.compat.json.TestJsonSchema.history;
import static io.ferry.registry.compat.json.TestJsonSchema.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.Stream;

import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.Incompatibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where and how the differences of the 2019-09/2020-12 keywords and of draft-4 exclusive bounds are reported
 * under a backward check: the path Confluent Schema Registry gives them (a 2020-12 tuple at
 * {@code #/items/<index>}) and the wording of the description.
 */
class JsonSchemaNewerKeywordsMessagesTest {

    private static final String S2020 = "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",";
    private static final String S2019 = "\"$schema\":\"https://json-schema.org/draft/2019-09/schema\",";
    private static final String S4 = "\"$schema\":\"http://json-schema.org/draft-04/schema#\",";

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("a prefixItems item added to an open tuple",
                        "{" + S2020 + "\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}]}",
                        "{" + S2020 + "\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"number\"}]}",
                        "ITEM_ADDED_TO_OPEN_CONTENT_MODEL", "#/items/1", "The new schema has an open content model"
                                + " and has a property or item at path '#/items/1' which is missing in the old schema"),
                Arguments.of("a prefixItems tuple closed by items false",
                        "{" + S2020 + "\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}]}",
                        "{" + S2020 + "\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],\"items\":false}",
                        "ADDITIONAL_ITEMS_REMOVED", "#/additionalItems", "The keyword at path '#/additionalItems'"
                                + " in the new schema is not present in the old schema"),
                Arguments.of("unevaluatedProperties false added",
                        "{" + S2019 + "\"type\":\"object\"}",
                        "{" + S2019 + "\"type\":\"object\",\"unevaluatedProperties\":false}",
                        "UNEVALUATED_PROPERTIES_REMOVED", "#/unevaluatedProperties", "The keyword at path"
                                + " '#/unevaluatedProperties' in the new schema is not present in the old schema"),
                Arguments.of("an unevaluatedItems schema added",
                        "{" + S2020 + "\"type\":\"array\"}",
                        "{" + S2020 + "\"type\":\"array\",\"unevaluatedItems\":{\"type\":\"string\"}}",
                        "UNEVALUATED_ITEMS_NARROWED", "#/unevaluatedItems", "An array or combined type at path"
                                + " '#/unevaluatedItems' has fewer elements in the new schema than the old schema"),
                Arguments.of("minContains increased",
                        "{" + S2020 + "\"type\":\"array\",\"contains\":{\"type\":\"string\"},\"minContains\":1}",
                        "{" + S2020 + "\"type\":\"array\",\"contains\":{\"type\":\"string\"},\"minContains\":2}",
                        "MIN_CONTAINS_INCREASED", "#/minContains", "The value at path '#/minContains' in the new"
                                + " schema is more than its value in the old schema"),
                Arguments.of("maxContains decreased",
                        "{" + S2020 + "\"type\":\"array\",\"contains\":{\"type\":\"string\"},\"maxContains\":3}",
                        "{" + S2020 + "\"type\":\"array\",\"contains\":{\"type\":\"string\"},\"maxContains\":2}",
                        "MAX_CONTAINS_DECREASED", "#/maxContains", "The value at path '#/maxContains' in the new"
                                + " schema is less than its value in the old schema"),
                Arguments.of("the contains schema's type changed",
                        "{" + S2020 + "\"type\":\"array\",\"contains\":{\"type\":\"string\"}}",
                        "{" + S2020 + "\"type\":\"array\",\"contains\":{\"type\":\"number\"}}",
                        "TYPE_CHANGED", "#/contains", "A type at path '#/contains' is different between the new"
                                + " schema and the old schema"),
                Arguments.of("a draft-4 maximum made exclusive",
                        "{" + S4 + "\"type\":\"number\",\"maximum\":10}",
                        "{" + S4 + "\"type\":\"number\",\"maximum\":10,\"exclusiveMaximum\":true}",
                        "EXCLUSIVE_MAXIMUM_ADDED", "#/exclusiveMaximum", "The keyword at path '#/exclusiveMaximum'"
                                + " in the new schema is not present in the old schema"),
                Arguments.of("a dependentRequired entry added",
                        "{" + S2019 + "\"type\":\"object\"}",
                        "{" + S2019 + "\"type\":\"object\",\"dependentRequired\":{\"a\":[\"b\"]}}",
                        "DEPENDENCY_ARRAY_ADDED", "#/dependencies/a", "The keyword at path '#/dependencies/a' in"
                                + " the new schema is not present in the old schema"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void shouldReportTheProblemAtConfluentsPathWithItsWording(String change, String previous, String candidate,
            String type, String location, String description) {
        CompatibilityResult result = new JsonSchemaCompatibilityChecker()
                .check(json(candidate), history(json(previous)), CompatibilityLevel.BACKWARD);

        assertThat(result.incompatibilities())
                .extracting(Incompatibility::type, Incompatibility::location, Incompatibility::description)
                .containsExactly(tuple(type, location, description));
    }
}
