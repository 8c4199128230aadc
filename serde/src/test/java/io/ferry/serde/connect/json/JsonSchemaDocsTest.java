package io.ferry.serde.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.ferry.serde.client.RegistryClientSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * docs/serde-json-schema.md documents every JSON setting the serde and converter declare (the registry client's
 * are in docs/serde.md), so the reference cannot silently fall behind the code.
 */
class JsonSchemaDocsTest {

    @Test
    void shouldDocumentEverySetting() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "serde-json-schema.md"));
        var registryKeys = RegistryClientSettings.define(new ConfigDef()).names();
        for (String key : JsonSchemaConverterConfig.configDef().names()) {
            if (!registryKeys.contains(key)) {
                assertThat(docs).as("docs/serde-json-schema.md mentions %s", key).contains("`" + key + "`");
            }
        }
    }
}
