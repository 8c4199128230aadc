package io.ferry.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs compatibility case tables through the REST API as a client checks a schema: the earlier versions
 * registered into a fresh subject under {@code NONE}, the subject's config set (the case's level plus the
 * table's further settings), then {@code POST /compatibility/subjects/{s}/versions?verbose=true} with the
 * candidate.
 *
 * <p>A case is {@code {"name", "level", "previous": [oldest … newest], "candidate", "compatible",
 * "errorTypes"}}; a JSON Schema is given as JSON, a {@code .proto} file as a string.
 */
final class CompatibilityCaseTables {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final Supplier<RegistryHttp> api;

    CompatibilityCaseTables(Supplier<RegistryHttp> api) {
        this.api = api;
    }

    /** The {@code .json} tables in a folder of the test resources, by name; none when the folder is missing. */
    static List<Path> tables(String folder) throws IOException, URISyntaxException {
        URL url = CompatibilityCaseTables.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * A test for each case of a table.
     *
     * @param settings further config settings for each case's subject, e.g. {@code {"compatibilityPolicy":"LENIENT"}}
     */
    Stream<DynamicTest> cases(String format, Path table, ObjectNode settings) throws IOException {
        JsonNode cases = JSON.readTree(table.toFile());
        assertThat(cases.isArray()).as("%s holds an array of cases", table).isTrue();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : cases) {
            tests.add(DynamicTest.dynamicTest(testCase.path("name").asText(), () -> check(format, testCase, settings)));
        }
        return tests.stream();
    }

    private void check(String format, JsonNode testCase, ObjectNode settings) {
        RegistryHttp registry = api.get();
        String subject = "table-" + format + "-" + SUBJECTS.incrementAndGet();
        String path = RegistryHttp.encode(subject);
        assertThat(registry.put("/config/" + path, "{\"compatibility\":\"NONE\"}").status()).isEqualTo(200);
        for (JsonNode previous : testCase.path("previous")) {
            RegistryHttp.Reply reply = registry.post("/subjects/" + path + "/versions", body(format, previous));
            assertThat(reply.status()).as("registering an earlier version: %s", reply).isEqualTo(200);
        }
        String level = testCase.path("level").asText();
        ObjectNode config = settings.deepCopy().put("compatibility", level);
        RegistryHttp.Reply configured = registry.put("/config/" + path, config.toString());
        assertThat(configured.status()).as("setting %s: %s", config, configured).isEqualTo(200);

        RegistryHttp.Reply reply = registry.post("/compatibility/subjects/" + path + "/versions?verbose=true",
                body(format, testCase.path("candidate")));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode answer = reply.json();
        boolean expected = testCase.path("compatible").asBoolean();
        assertThat(answer.path("is_compatible").asBoolean())
                .as("is_compatible under %s; messages %s", config, answer.path("messages"))
                .isEqualTo(expected);
        if (expected) {
            assertThat(answer.path("messages")).as("a compatible answer lists no problems").isEmpty();
            return;
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(message -> messages.add(message.asText()));
        for (JsonNode errorType : testCase.path("errorTypes")) {
            assertThat(messages).as("messages naming %s", errorType.asText())
                    .anySatisfy(message -> assertThat(message).contains(errorType.asText()));
        }
    }

    private static String body(String format, JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schemaType", format.toUpperCase(Locale.ROOT));
        body.put("schema", schema.isTextual() ? schema.asText() : schema.toString());
        return body.toString();
    }
}
