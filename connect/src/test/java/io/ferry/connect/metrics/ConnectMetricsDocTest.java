package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/connect-metrics.md} shows the catalogue's tables as generated. Run with
 * {@code -Dferry.docs.write=true} to rewrite them after changing a definition.
 */
class ConnectMetricsDocTest {
    private static final String DOC = "docs/connect-metrics.md";

    private static Path doc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(DOC))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("%s above %s", DOC, Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve(DOC);
    }

    private static String section(String text, String name) {
        int start = text.indexOf(startMarker(name));
        int end = text.indexOf(endMarker(name));
        assertThat(start).as("marker %s", startMarker(name)).isNotNegative();
        assertThat(end).as("marker %s", endMarker(name)).isGreaterThan(start);
        return text.substring(start + startMarker(name).length(), end);
    }

    private static String startMarker(String name) {
        return "<!-- generated:" + name + ":start -->\n";
    }

    private static String endMarker(String name) {
        return "<!-- generated:" + name + ":end -->";
    }

    private static String replace(String text, String name, String content) {
        int start = text.indexOf(startMarker(name)) + startMarker(name).length();
        return text.substring(0, start) + content + text.substring(text.indexOf(endMarker(name)));
    }

    @Test
    void shouldListExactlyTheMetricsTheRuntimeDefines() throws IOException {
        Path path = doc();
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("ferry.docs.write")) {
            text = replace(replace(text, "metric-kinds", MetricCatalog.markdownKinds()), "metric-table", MetricCatalog.markdownTable());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        }

        String hint = DOC + " is out of date; rewrite it with -Dferry.docs.write=true";
        assertThat(section(text, "metric-kinds")).as(hint).isEqualTo(MetricCatalog.markdownKinds());
        assertThat(section(text, "metric-table")).as(hint).isEqualTo(MetricCatalog.markdownTable());
    }
}
