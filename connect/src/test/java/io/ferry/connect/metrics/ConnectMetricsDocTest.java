package io.ferry.connect.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ferry.testkit.docs.GeneratedSections;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/connect-metrics.md} shows the catalogue's tables as generated. Run with
 * {@code -Dferry.docs.write=true} to rewrite them after changing a definition.
 */
class ConnectMetricsDocTest {

    @Test
    void shouldListExactlyTheMetricsTheRuntimeDefines() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("metric-kinds", MetricCatalog.markdownKinds());
        sections.put("metric-table", MetricCatalog.markdownTable());
        GeneratedSections.check("docs/connect-metrics.md", sections);
    }
}
