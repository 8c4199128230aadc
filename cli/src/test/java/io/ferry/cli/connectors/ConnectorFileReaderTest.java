package io.ferry.cli.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.ferry.cli.support.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadAPropertiesFile() throws IOException {
        Path file = Files.writeString(dir.resolve("source.properties"), "name=src\nconnector.class=FileStreamSource\ntopic=t\n");

        assertThat(ConnectorFileReader.read(file))
                .isEqualTo(new ConnectorSpec("src", Map.of("connector.class", "FileStreamSource", "topic", "t")));
    }

    @Test
    void shouldReadJsonAsPostedOrAsAFlatConfig() throws IOException {
        Path posted = Files.writeString(dir.resolve("a.json"), "{\"name\": \"a\", \"config\": {\"connector.class\": \"X\", \"tasks.max\": 2}}");
        Path flat = Files.writeString(dir.resolve("b.json"), "{\"name\": \"b\", \"connector.class\": \"X\"}");

        assertThat(ConnectorFileReader.read(posted).config()).isEqualTo(Map.of("name", "a", "connector.class", "X", "tasks.max", "2"));
        assertThat(ConnectorFileReader.read(flat).config()).isEqualTo(Map.of("name", "b", "connector.class", "X"));
    }

    @Test
    void shouldRefuseAFileWithoutNameOrWithBrokenJson() throws IOException {
        Path nameless = Files.writeString(dir.resolve("c.properties"), "connector.class=X\n");
        Path broken = Files.writeString(dir.resolve("d.json"), "{\n\"name\": \"d\"\n\"config\": {}}");

        assertThatThrownBy(() -> ConnectorFileReader.read(nameless)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(nameless + ": the connector has no 'name'");
            assertThat(e.exitCode()).isEqualTo(2);
        });
        assertThatThrownBy(() -> ConnectorFileReader.read(broken)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.getMessage()).startsWith(broken + ":3: "));
    }
}
