package io.ferry.cli.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ferry.cli.support.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadAListOfConnectorsAndASingleOneFromYamlDocuments() throws IOException {
        Path file = write("pipeline.yaml", """
                connectors:
                  - name: a
                    config:
                      connector.class: FileStreamSource
                      tasks.max: 1
                  - name: b
                    config: {connector.class: FileStreamSink, topics: t}
                ---
                name: c
                config:
                  connector.class: FileStreamSource
                  enabled: true
                """);

        List<ConnectorSpec> specs = PipelineFileReader.read(file);

        assertThat(specs).extracting(ConnectorSpec::name).containsExactly("a", "b", "c");
        assertThat(specs.get(0).config()).isEqualTo(Map.of("name", "a", "connector.class", "FileStreamSource", "tasks.max", "1"));
        assertThat(specs.get(2).config()).containsEntry("enabled", "true");
    }

    @Test
    void shouldReadJsonAndEveryPipelineFileOfADirectoryInNameOrder() throws IOException {
        write("2.json", "{\"name\": \"second\", \"config\": {\"connector.class\": \"X\"}}");
        write("1.yml", "name: first\nconfig:\n  connector.class: X\n");
        write("notes.txt", "not a pipeline");

        assertThat(PipelineFileReader.read(dir)).extracting(ConnectorSpec::name).containsExactly("first", "second");
    }

    @Test
    void shouldNameFileLineAndKeyOfAnUnknownKey() throws IOException {
        Path file = write("pipeline.yaml", """
                connectors:
                  - name: a
                    config:
                      connector.class: X
                  - nmae: b
                    config: {}
                """);

        assertBadInput(file, file + ":5: unknown key 'nmae' (allowed: name, config)");
    }

    @Test
    void shouldNameTheLineOfAnUnknownKeyAtTheTopOfALaterDocument() throws IOException {
        Path file = write("pipeline.yaml", "name: a\nconfig: {x: y}\n---\nname: b\nconfig: {x: y}\nstate: PAUSED\n");

        assertBadInput(file, file + ":6: unknown key 'state' (allowed: connectors, name, config)");
    }

    @Test
    void shouldNameFileAndLineOfAYamlSyntaxError() throws IOException {
        Path file = write("pipeline.yaml", "name: a\nconfig:\n  connector.class: X\n  topic: [unclosed\n");

        assertBadInput(file, file + ":5: expected ',' or ']', but got <stream end> (while parsing a flow sequence from line 4)");
    }

    @Test
    void shouldNameFileAndLineOfAJsonSyntaxError() throws IOException {
        Path file = write("pipeline.json", "{\n  \"name\": \"a\",\n  \"config\": {\"x\": \"y\",}\n}\n");

        assertThatThrownBy(() -> PipelineFileReader.read(file)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.getMessage()).startsWith(file + ":3: "));
    }

    @Test
    void shouldRefuseADocumentWithoutNameOrConfigOrWithANameTwice() throws IOException {
        assertBadInput(write("a.yaml", "config: {x: y}\n"), dir.resolve("a.yaml") + ": the document has no 'name'");
        assertBadInput(write("b.yaml", "name: b\n"), dir.resolve("b.yaml") + ": connector 'b' has no 'config'");
        Path twice = write("c.yaml", "connectors:\n  - {name: c, config: {x: y}}\n  - {name: c, config: {x: z}}\n");
        assertBadInput(twice, twice + ": connector 'c' is declared twice (also in " + twice + ")");
    }

    @Test
    void shouldSayWhenTheFileIsMissing() {
        Path missing = dir.resolve("missing.yaml");
        assertBadInput(missing, missing + ": no such file");
    }

    private void assertBadInput(Path file, String message) {
        assertThatThrownBy(() -> PipelineFileReader.read(file)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.exitCode()).isEqualTo(2);
        });
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
