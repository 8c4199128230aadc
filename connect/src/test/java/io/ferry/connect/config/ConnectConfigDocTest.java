package io.ferry.connect.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.ferry.testkit.docs.GeneratedSections;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/connect.md} shows the settings tables as the definitions generate them. Run with
 * {@code -Dferry.docs.write=true} to rewrite them after changing a definition.
 */
class ConnectConfigDocTest {

    @Test
    void shouldDocumentEverySettingAsItsDefinitionSays() {
        Set<String> common = ConnectorConfig.configDef().names();
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("worker", ConfigReference.markdownTable(WorkerConfig.configDef(), WorkerConfig.sslDefinition().names()));
        tables.put("worker-ssl", ConfigReference.markdownTable(WorkerConfig.sslDefinition(), Set.of()));
        tables.put("distributed", ConfigReference.markdownTable(DistributedWorkerConfig.configDef(), WorkerConfig.configDef().names()));
        tables.put("connector", ConfigReference.markdownTable(ConnectorConfig.configDef(), Set.of()));
        tables.put("source", ConfigReference.markdownTable(SourceConnectorConfig.configDef(), common));
        tables.put("sink", ConfigReference.markdownTable(SinkConnectorConfig.configDef(), common));
        GeneratedSections.check("docs/connect.md", tables);
    }
}
