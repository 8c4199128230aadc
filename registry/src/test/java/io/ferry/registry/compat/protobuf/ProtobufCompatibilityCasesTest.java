package io.ferry.registry.compat.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.VersionedSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of the shared Protobuf compatibility tables ({@code compat-cases/protobuf/*.json}) through
 * the checker, the way the registry runs a {@code POST /compatibility/...?verbose=true}: the previous schemas
 * are the subject's versions, oldest first; the verdict must match, and every listed error type must appear in
 * some message.
 */
class ProtobufCompatibilityCasesTest {

    private static final String TABLES = "compat-cases/protobuf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProtobufCompatibilityChecker checker = new ProtobufCompatibilityChecker();

    record Case(String table, String name, CompatibilityLevel level, List<String> previous, String candidate,
            boolean compatible, List<String> errorTypes) {
        @Override
        public String toString() {
            return table + ": " + name + " (" + level + ")";
        }
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        URL folder = ProtobufCompatibilityCasesTest.class.getClassLoader().getResource(TABLES);
        assertThat(folder).as("the case tables are on the test class path").isNotNull();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (JsonNode node : JSON.readTree(in)) {
                        cases.add(toCase(file.getFileName().toString(), node));
                    }
                }
            }
        }
        assertThat(cases).as("cases found").hasSizeGreaterThan(50);
        return cases.stream();
    }

    private static Case toCase(String table, JsonNode node) {
        List<String> previous = new ArrayList<>();
        node.get("previous").forEach(p -> previous.add(p.asText()));
        List<String> errorTypes = new ArrayList<>();
        if (node.has("errorTypes")) {
            node.get("errorTypes").forEach(t -> errorTypes.add(t.asText()));
        }
        return new Case(table, node.get("name").asText(),
                CompatibilityLevel.fromName(node.get("level").asText()).orElseThrow(), previous,
                node.get("candidate").asText(), node.get("compatible").asBoolean(), errorTypes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldGiveTheTablesVerdict(Case c) {
        List<VersionedSchema> history = ProtobufTestSchemas.history(c.previous().toArray(String[]::new));

        CompatibilityResult result = checker.check(ProtobufTestSchemas.proto(c.candidate()), history, c.level());

        assertThat(result.isCompatible()).as("compatible? messages: %s", result.messages())
                .isEqualTo(c.compatible());
        for (String errorType : c.errorTypes()) {
            assertThat(result.messages()).as("messages naming %s", errorType)
                    .anyMatch(line -> line.contains(errorType));
        }
    }
}
