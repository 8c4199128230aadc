package io.ferry.registry.compat.json;

import static io.ferry.registry.compat.json.TestJsonSchema.history;
import static io.ferry.registry.compat.json.TestJsonSchema.json;
import static io.ferry.registry.compat.json.TestJsonSchema.typesAndLocations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.Map;

import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.Incompatibility;
import org.junit.jupiter.api.Test;

/** {@code $ref} followed within a document and into referenced documents, and recursion kept finite. */
class JsonSchemaReferencesTest {

    private static final String ORDER =
            "{\"type\":\"object\",\"properties\":{\"address\":{\"$ref\":\"address.json\"}}}";
    private static final String ADDRESS_STRING_ZIP =
            "{\"type\":\"object\",\"properties\":{\"zip\":{\"type\":\"string\"}}}";
    private static final String ADDRESS_INTEGER_ZIP =
            "{\"type\":\"object\",\"properties\":{\"zip\":{\"type\":\"integer\"}}}";

    private final JsonSchemaCompatibilityChecker checker = new JsonSchemaCompatibilityChecker();

    @Test
    void shouldFollowAReferenceIntoAReferencedDocument() {
        CompatibilityResult result = checker.check(json(ORDER, Map.of("address.json", ADDRESS_INTEGER_ZIP)),
                history(json(ORDER, Map.of("address.json", ADDRESS_STRING_ZIP))), CompatibilityLevel.BACKWARD);

        assertThat(typesAndLocations(result))
                .containsExactly(tuple("TYPE_CHANGED", "#/properties/address/properties/zip"));
    }

    @Test
    void shouldAcceptAReferencedDocumentThatOnlyWidens() {
        String addressNumberZip = "{\"type\":\"object\",\"properties\":{\"zip\":{\"type\":\"number\"}}}";

        CompatibilityResult result = checker.check(json(ORDER, Map.of("address.json", addressNumberZip)),
                history(json(ORDER, Map.of("address.json", ADDRESS_INTEGER_ZIP))), CompatibilityLevel.BACKWARD);

        assertThat(result.isCompatible()).isTrue();
    }

    @Test
    void shouldResolveAPointerInAReferencedDocumentAgainstThatDocument() {
        String main = "{\"type\":\"object\",\"properties\":{\"zip\":{\"$ref\":\"defs.json#/definitions/zip\"}}}";
        String defsBefore = "{\"definitions\":{\"zip\":{\"$ref\":\"#/definitions/code\"},"
                + "\"code\":{\"type\":\"string\"}}}";
        String defsAfter = "{\"definitions\":{\"zip\":{\"$ref\":\"#/definitions/code\"},"
                + "\"code\":{\"type\":\"string\",\"pattern\":\"^[0-9]+$\"}}}";

        CompatibilityResult result = checker.check(json(main, Map.of("defs.json", defsAfter)),
                history(json(main, Map.of("defs.json", defsBefore))), CompatibilityLevel.BACKWARD);

        assertThat(typesAndLocations(result)).containsExactly(tuple("PATTERN_ADDED", "#/properties/zip/pattern"));
    }

    @Test
    void shouldStopAtMutuallyRecursiveDefinitionsAndStillFindAChangeInThem() {
        String before = mutual("string");
        String after = mutual("integer");

        CompatibilityResult unchanged = checker.check(json(before), history(json(before)), CompatibilityLevel.FULL);
        CompatibilityResult changed = checker.check(json(after), history(json(before)), CompatibilityLevel.BACKWARD);

        assertThat(unchanged.isCompatible()).isTrue();
        assertThat(changed.incompatibilities()).extracting(Incompatibility::location)
                .containsExactly("#/properties/name");
    }

    @Test
    void shouldTreatAReferenceToItselfAsAllowingAnything() {
        CompatibilityResult result = checker.check(json("{\"$ref\":\"#\"}"), history(json("{\"type\":\"string\"}")),
                CompatibilityLevel.BACKWARD);

        assertThat(result.isCompatible()).isTrue();
    }

    @Test
    void shouldStopAtAUnionWhoseOnlyBranchIsItself() {
        CompatibilityResult result = checker.check(json("{\"anyOf\":[{\"$ref\":\"#\"}]}"),
                history(json("{\"type\":\"string\"}")), CompatibilityLevel.FULL);

        // It constrains nothing but itself, so it reads like a schema that allows anything.
        assertThat(result.isCompatible()).isTrue();
    }

    @Test
    void shouldStopInARecursiveUnion() {
        String before = "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}]}";
        String after = "{\"anyOf\":[{\"type\":\"string\",\"maxLength\":3},"
                + "{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}]}";

        CompatibilityResult result = checker.check(json(after), history(json(before)), CompatibilityLevel.BACKWARD);

        assertThat(result.incompatibilities()).extracting(Incompatibility::type)
                .containsExactly("COMBINED_TYPE_SUBSCHEMAS_CHANGED");
    }

    @Test
    void shouldCompareManyMutuallyReferringUnionsInReasonableTime() {
        String schema = interlinked(12);

        assertTimeout(Duration.ofSeconds(10), () ->
                assertThat(checker.check(json(schema), history(json(schema)), CompatibilityLevel.FULL_TRANSITIVE)
                        .isCompatible()).isTrue());
    }

    /** A person whose friend is a pet whose owner is a person; the person's name has the given type. */
    private static String mutual(String nameType) {
        return "{\"$ref\":\"#/definitions/person\",\"definitions\":{"
                + "\"person\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"" + nameType + "\"},"
                + "\"pet\":{\"$ref\":\"#/definitions/pet\"}}},"
                + "\"pet\":{\"type\":\"object\",\"properties\":{\"owner\":{\"$ref\":\"#/definitions/person\"}}}}}";
    }

    /** Definitions d0..dn-1, each a oneOf of a string and references to every definition. */
    private static String interlinked(int count) {
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            refs.append(",{\"type\":\"object\",\"properties\":{\"d\":{\"$ref\":\"#/definitions/d").append(i)
                    .append("\"}}}");
        }
        StringBuilder definitions = new StringBuilder();
        for (int i = 0; i < count; i++) {
            definitions.append(i == 0 ? "" : ",").append("\"d").append(i).append("\":{\"oneOf\":[{\"type\":\"string\"}")
                    .append(refs).append("]}");
        }
        return "{\"$ref\":\"#/definitions/d0\",\"definitions\":{" + definitions + "}}";
    }
}
