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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compatibility case tables of {@code compat-cases/<format>/*.json}, each case checked through the REST API
 * as a client checks it: the earlier versions registered into a fresh subject under {@code NONE}, the level set,
 * then {@code POST /compatibility/subjects/{s}/versions?verbose=true} with the candidate.
 *
 * <p>A case is {@code {"name", "level", "previous": [oldest … newest], "candidate", "compatible",
 * "errorTypes"}}; a JSON Schema is given as JSON, a {@code .proto} file as a string.
 */
class CompatibilityTablesIT {

    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.local();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FORMATS = List.of("json", "protobuf");
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> everyCaseOfEveryTable() throws IOException, URISyntaxException {
        List<DynamicNode> formats = new ArrayList<>();
        for (String format : FORMATS) {
            List<DynamicNode> tables = new ArrayList<>();
            for (Path table : tables(format)) {
                tables.add(DynamicContainer.dynamicContainer(table.getFileName().toString(), cases(format, table)));
            }
            assertThat(tables).as("case tables for %s", format).isNotEmpty();
            formats.add(DynamicContainer.dynamicContainer(format, tables));
        }
        return formats.stream();
    }

    private static List<Path> tables(String format) throws IOException, URISyntaxException {
        URL folder = CompatibilityTablesIT.class.getClassLoader().getResource("compat-cases/" + format);
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Stream<DynamicTest> cases(String format, Path table) throws IOException {
        JsonNode cases = JSON.readTree(table.toFile());
        assertThat(cases.isArray()).as("%s holds an array of cases", table).isTrue();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : cases) {
            tests.add(DynamicTest.dynamicTest(testCase.path("name").asText(), () -> check(format, testCase)));
        }
        return tests.stream();
    }

    private static void check(String format, JsonNode testCase) {
        RegistryHttp api = REGISTRY.api();
        String subject = "table-" + format + "-" + SUBJECTS.incrementAndGet();
        String path = RegistryHttp.encode(subject);
        assertThat(api.put("/config/" + path, "{\"compatibility\":\"NONE\"}").status()).isEqualTo(200);
        for (JsonNode previous : testCase.path("previous")) {
            RegistryHttp.Reply reply = api.post("/subjects/" + path + "/versions", body(format, previous));
            assertThat(reply.status()).as("registering an earlier version: %s", reply).isEqualTo(200);
        }
        String level = testCase.path("level").asText();
        assertThat(api.put("/config/" + path, "{\"compatibility\":\"" + level + "\"}").status()).isEqualTo(200);

        RegistryHttp.Reply reply = api.post("/compatibility/subjects/" + path + "/versions?verbose=true",
                body(format, testCase.path("candidate")));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode answer = reply.json();
        boolean expected = testCase.path("compatible").asBoolean();
        assertThat(answer.path("is_compatible").asBoolean())
                .as("is_compatible under %s; messages %s", level, answer.path("messages"))
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
