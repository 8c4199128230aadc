package io.ferry.registry.compat.json;

import static io.ferry.registry.compat.json.TestJsonSchema.history;
import static io.ferry.registry.compat.json.TestJsonSchema.json;
import static io.ferry.registry.compat.json.TestJsonSchema.typesAndLocations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.Incompatibility;
import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;

/** How problems are worded and located: Confluent Schema Registry's messages for JSON Schema. */
class JsonSchemaCompatibilityMessagesTest {

    private static final String OPEN_FIELD1 =
            "{\"type\":\"object\",\"properties\":{\"field1\":{\"type\":\"string\"}}}";
    private static final String OPEN_FIELD1_DNAME = "{\"type\":\"object\",\"properties\":"
            + "{\"field1\":{\"type\":\"string\"},\"dname\":{\"type\":\"string\"}}}";

    private final JsonSchemaCompatibilityChecker checker = new JsonSchemaCompatibilityChecker();

    @Test
    void shouldCheckJsonSchemasUnderTheStrictPolicyByDefault() {
        assertThat(checker.type()).isEqualTo(SchemaType.JSON);
        assertThat(checker.policy()).isEqualTo(JsonCompatibilityPolicy.STRICT);
    }

    @Test
    void shouldWordAPropertyAddedToAnOpenContentModelWithItsPathAndTheReadingSchema() {
        CompatibilityResult result = checker.check(json(OPEN_FIELD1_DNAME), history(json(OPEN_FIELD1)),
                CompatibilityLevel.BACKWARD);

        assertThat(result.messages()).containsExactly(
                "{errorType:\"OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL\", description:\"The new schema has an open"
                        + " content model and has a property or item at path '#/properties/dname' which is missing in"
                        + " the old schema\"}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + json(OPEN_FIELD1).canonicalString() + "'}",
                "{validateFields: 'false', compatibility: 'BACKWARD'}");
        Incompatibility problem = result.incompatibilities().get(0);
        assertThat(problem.type()).isEqualTo("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
        assertThat(problem.location()).isEqualTo("#/properties/dname");
        assertThat(problem.additionalInfo()).isEmpty();
    }

    @Test
    void shouldNameTheOldSchemaAsTheReaderOfAForwardCheck() {
        String closed = "{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"properties\":{\"a\":{\"type\":\"string\"}}}";
        String closedWithB = "{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}";

        CompatibilityResult result =
                checker.check(json(closedWithB), history(json(closed)), CompatibilityLevel.FORWARD);

        assertThat(result.messages().get(0)).isEqualTo(
                "{errorType:\"PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL\", description:\"The old schema has a closed"
                        + " content model and is missing a property or item present at path '#/properties/b' in the"
                        + " new schema\"}");
    }

    @Test
    void shouldLocateAKeywordOfANestedPropertyByItsJsonPath() {
        CompatibilityResult result = checker.check(
                json("{\"properties\":{\"a\":{\"type\":\"string\",\"maxLength\":5}}}"),
                history(json("{\"properties\":{\"a\":{\"type\":\"string\",\"maxLength\":9}}}")),
                CompatibilityLevel.BACKWARD);

        Incompatibility problem = result.incompatibilities().get(0);
        assertThat(problem.type()).isEqualTo("MAX_LENGTH_DECREASED");
        assertThat(problem.location()).isEqualTo("#/properties/a/maxLength");
        assertThat(problem.description()).isEqualTo("The value at path '#/properties/a/maxLength' in the new schema"
                + " is less than its value in the old schema");
    }

    @Test
    void shouldLocateAChangeOfTheWholeSchemaAtTheRoot() {
        CompatibilityResult result = checker.check(json("{\"type\":\"integer\"}"),
                history(json("{\"type\":\"string\"}")), CompatibilityLevel.BACKWARD);

        assertThat(result.incompatibilities()).extracting(Incompatibility::type, Incompatibility::location,
                Incompatibility::description).containsExactly(tuple("TYPE_CHANGED",
                "#/", "A type at path '#/' is different between the new schema and the old schema"));
    }

    @Test
    void shouldListEveryProblemOfAPropertyAPartiallyOpenModelDoesNotCover() {
        String before = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},"
                + "\"properties\":{\"a\":{\"type\":\"string\"}}}";
        String after = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},"
                + "\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}}}";

        CompatibilityResult result = checker.check(json(after), history(json(before)), CompatibilityLevel.BACKWARD);

        assertThat(typesAndLocations(result)).containsExactly(
                        tuple("TYPE_CHANGED", "#/properties/b"),
                        tuple("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                                "#/properties/b"));
    }

    @Test
    void shouldLeaveTheDescriptionEmptyForATypeConfluentDoesNotDescribe() {
        CompatibilityResult result = checker.check(json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"),
                history(json("{\"type\":\"array\"}")), CompatibilityLevel.BACKWARD);

        assertThat(result.messages().get(0)).isEqualTo("{errorType:\"SCHEMA_ADDED\", description:\"\"}");
        assertThat(result.incompatibilities().get(0).location()).isEqualTo("#/items");
    }

    @Test
    void shouldListForwardProblemsBeforeBackwardOnesUnderFull() {
        CompatibilityResult result = checker.check(json("{\"enum\":[\"a\",\"c\"]}"),
                history(json("{\"enum\":[\"a\",\"b\"]}")), CompatibilityLevel.FULL);

        assertThat(result.incompatibilities()).extracting(Incompatibility::description).containsExactly(
                "A type at path '#/enum' is different between the old schema and the new schema",
                "A type at path '#/enum' is different between the new schema and the old schema");
    }

    @Test
    void shouldReportAReferenceThatPointsAtNothingAsAnUnexpectedError() {
        CompatibilityResult result = checker.check(json("{\"$ref\":\"#/definitions/missing\"}"),
                history(json("{\"type\":\"string\"}")), CompatibilityLevel.BACKWARD);

        assertThat(result.incompatibilities()).extracting(Incompatibility::type)
                .containsExactly(Incompatibility.UNEXPECTED_ERROR);
        assertThat(result.messages().get(0)).startsWith("Unexpected exception during compatibility check: ")
                .contains("#/definitions/missing");
    }

    @Test
    void shouldReportAnExclusiveMaximumLoweredWithoutAMaximum() {
        CompatibilityResult result = checker.check(json("{\"type\":\"number\",\"exclusiveMaximum\":5}"),
                history(json("{\"type\":\"number\",\"exclusiveMaximum\":9}")), CompatibilityLevel.BACKWARD);

        assertThat(typesAndLocations(result)).containsExactly(tuple("EXCLUSIVE_MAXIMUM_DECREASED",
                        "#/exclusiveMaximum"));
    }

    @Test
    void shouldCompareFractionalMultiplesOfExactly() {
        CompatibilityResult reduced = checker.check(json("{\"type\":\"number\",\"multipleOf\":0.5}"),
                history(json("{\"type\":\"number\",\"multipleOf\":1.5}")), CompatibilityLevel.BACKWARD);
        CompatibilityResult expanded = checker.check(json("{\"type\":\"number\",\"multipleOf\":1.5}"),
                history(json("{\"type\":\"number\",\"multipleOf\":0.5}")), CompatibilityLevel.BACKWARD);

        assertThat(reduced.isCompatible()).isTrue();
        assertThat(expanded.incompatibilities()).extracting(Incompatibility::type)
                .containsExactly("MULTIPLE_OF_EXPANDED");
    }

    @Test
    void shouldAllowAnythingToFollowASchemaThatAllowsNothing() {
        assertThat(checker.check(json("{\"type\":\"string\"}"), history(json("false")), CompatibilityLevel.BACKWARD)
                .isCompatible()).isTrue();
        assertThat(checker.check(json("false"), history(json("{\"type\":\"string\"}")), CompatibilityLevel.BACKWARD)
                .incompatibilities()).extracting(Incompatibility::type).containsExactly("TYPE_CHANGED");
    }
}
