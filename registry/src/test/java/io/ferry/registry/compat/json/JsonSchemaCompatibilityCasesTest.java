package io.ferry.registry.compat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.VersionedSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the shared case tables ({@code compat-cases/json/*.json}, checked under the default strict policy,
 * as the REST-level runner checks them) and the policy tables ({@code compat-policies/json/lenient.json},
 * under the lenient policy) against the checker directly.
 */
class JsonSchemaCompatibilityCasesTest {

    /** One row of a table, and the policy it is checked under. */
    record Case(String table, JsonCompatibilityPolicy policy, JsonNode row) {
        @Override
        public String toString() {
            return table + ": " + row.get("name").asText();
        }
    }

    static Stream<Case> strictCases() {
        return cases("compat-cases/json", JsonCompatibilityPolicy.STRICT);
    }

    static Stream<Case> lenientCases() {
        return cases("compat-policies/json", JsonCompatibilityPolicy.LENIENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictCases")
    void shouldAnswerEveryStrictCaseAsTheTableSays(Case testCase) {
        check(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientCases")
    void shouldAnswerEveryLenientCaseAsTheTableSays(Case testCase) {
        check(testCase);
    }

    private static void check(Case testCase) {
        JsonNode row = testCase.row();
        List<TestJsonSchema> previous = new ArrayList<>();
        row.get("previous").forEach(schema -> previous.add(TestJsonSchema.json(schema)));
        List<VersionedSchema> history = TestJsonSchema.history(previous.toArray(TestJsonSchema[]::new));
        CompatibilityLevel level = CompatibilityLevel.fromName(row.get("level").asText()).orElseThrow();

        CompatibilityResult result = new JsonSchemaCompatibilityChecker(testCase.policy())
                .check(TestJsonSchema.json(row.get("candidate")), history, level);

        assertThat(result.isCompatible()).as("compatible? %s", result).isEqualTo(row.get("compatible").asBoolean());
        List<String> messages = result.messages();
        for (JsonNode errorType : row.get("errorTypes")) {
            assertThat(messages).as("messages naming %s", errorType.asText())
                    .anyMatch(line -> line.contains("errorType:\"" + errorType.asText() + "\""));
        }
    }

    private static Stream<Case> cases(String folder, JsonCompatibilityPolicy policy) {
        List<Case> all = new ArrayList<>();
        for (Path table : tables(folder)) {
            JsonNode rows = readTable(table);
            assertThat(rows.isArray()).as("%s is an array of cases", table).isTrue();
            rows.forEach(row -> all.add(new Case(table.getFileName().toString(), policy, row)));
        }
        assertThat(all).as("cases under %s", folder).isNotEmpty();
        return all.stream();
    }

    private static List<Path> tables(String folder) {
        URL url = JsonSchemaCompatibilityCasesTest.class.getClassLoader().getResource(folder);
        assertThat(url).as("test resource folder %s", folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTable(Path table) {
        try {
            return TestJsonSchema.MAPPER.readTree(table.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
