package io.ferry.connect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/connect.md} shows the settings tables as the definitions generate them. Run with
 * {@code -Dferry.docs.write=true} to rewrite them after changing a definition.
 */
class ConnectConfigDocTest {
    private static final String DOC = "docs/connect.md";

    private static Path doc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(DOC))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("%s above %s", DOC, Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve(DOC);
    }

    private static Map<String, String> tables() {
        Set<String> common = ConnectorConfig.configDef().names();
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("worker", ConfigReference.markdownTable(WorkerConfig.configDef(), Set.of()));
        tables.put("connector", ConfigReference.markdownTable(ConnectorConfig.configDef(), Set.of()));
        tables.put("source", ConfigReference.markdownTable(SourceConnectorConfig.configDef(), common));
        tables.put("sink", ConfigReference.markdownTable(SinkConnectorConfig.configDef(), common));
        return tables;
    }

    private static String start(String name) {
        return "<!-- generated:" + name + ":start -->\n";
    }

    private static String end(String name) {
        return "<!-- generated:" + name + ":end -->";
    }

    @Test
    void shouldDocumentEverySettingAsItsDefinitionSays() throws IOException {
        Path path = doc();
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("ferry.docs.write")) {
            for (Map.Entry<String, String> table : tables().entrySet()) {
                int from = text.indexOf(start(table.getKey())) + start(table.getKey()).length();
                text = text.substring(0, from) + table.getValue() + text.substring(text.indexOf(end(table.getKey())));
            }
            Files.writeString(path, text, StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> table : tables().entrySet()) {
            int from = text.indexOf(start(table.getKey()));
            assertThat(from).as("marker for %s", table.getKey()).isNotNegative();
            String shown = text.substring(from + start(table.getKey()).length(), text.indexOf(end(table.getKey())));
            assertThat(shown).as(DOC + " is out of date; rewrite it with -Dferry.docs.write=true").isEqualTo(table.getValue());
        }
    }
}
