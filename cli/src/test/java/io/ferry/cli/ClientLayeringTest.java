package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The client commands are pure REST clients, so they work against Apache Kafka Connect and
 * Confluent Schema Registry too: their main code imports nothing of Ferry's servers.
 */
class ClientLayeringTest {
    private static final Path MAIN = Path.of("src/main/java/io/ferry/cli");
    private static final List<String> SERVER_PACKAGES = List.of("io.ferry.connect", "io.ferry.registry", "io.ferry.serde", "io.ferry.kafka");

    @Test
    void shouldKeepTheClientCommandsFreeOfServerCode() throws IOException {
        List<Path> sources = Stream.concat(javaFiles(MAIN.resolve("connectors")), javaFiles(MAIN.resolve("schemas"))).toList();
        List<Path> support = List.of("RestClient", "TextTable", "InputFiles", "CommandOutput", "ExitCodes", "OutputFormat").stream()
                .map(name -> MAIN.resolve("support").resolve(name + ".java")).toList();

        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : Stream.concat(sources.stream(), support.stream()).toList()) {
            List<String> imports = Files.readAllLines(source).stream().filter(line -> line.startsWith("import ")).toList();
            assertThat(imports).as(source.toString())
                    .noneMatch(line -> SERVER_PACKAGES.stream().anyMatch(server -> line.contains(" " + server + ".")));
        }
    }

    private static Stream<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        }
    }
}
