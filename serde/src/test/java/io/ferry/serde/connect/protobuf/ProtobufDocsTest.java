package io.ferry.serde.connect.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.ferry.serde.client.RegistryClientSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** docs/serde-protobuf.md documents every Protobuf setting, so the reference cannot silently fall behind the code. */
class ProtobufDocsTest {

    @Test
    void shouldDocumentEveryProtobufSetting() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "serde-protobuf.md"));
        var clientKeys = RegistryClientSettings.define(new ConfigDef()).names();
        for (String key : ProtobufConverterConfig.configDef().names()) {
            if (!clientKeys.contains(key)) {
                assertThat(docs).as("docs/serde-protobuf.md mentions %s", key).contains("`" + key + "`");
            }
        }
    }
}
