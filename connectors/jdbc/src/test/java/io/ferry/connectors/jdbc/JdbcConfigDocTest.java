package io.ferry.connectors.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.ferry.connect.config.ConfigReference;
import io.ferry.connectors.jdbc.connection.ConnectionSettings;
import io.ferry.connectors.jdbc.sink.JdbcSinkConfig;
import io.ferry.connectors.jdbc.source.JdbcSourceConfig;
import io.ferry.testkit.docs.GeneratedSections;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/connectors/jdbc.md} shows the settings of both connectors as their definitions generate
 * them. Run with {@code -Dferry.docs.write=true} to rewrite the tables after changing a definition.
 */
class JdbcConfigDocTest {

    @Test
    void shouldDocumentEverySettingAsItsDefinitionSays() {
        ConfigDef connection = ConnectionSettings.define(new ConfigDef());
        Set<String> shared = connection.names();
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("jdbc-connection", ConfigReference.markdownTable(connection, Set.of()));
        tables.put("jdbc-source", ConfigReference.markdownTable(JdbcSourceConfig.CONFIG_DEF, shared));
        tables.put("jdbc-sink", ConfigReference.markdownTable(JdbcSinkConfig.CONFIG_DEF, shared));
        GeneratedSections.check("docs/connectors/jdbc.md", tables);
    }
}
