package io.ferry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.ferry.serde.connect.AvroConverterConfig;
import org.junit.jupiter.api.Test;

/** docs/serde.md documents every setting the serde declares, so the reference cannot silently fall behind the code. */
class SerdeDocsTest {

    @Test
    void shouldDocumentEverySetting() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "serde.md"));
        for (String key : AvroConverterConfig.configDef().names()) {
            String simple = key.replaceFirst("^schema\\.registry\\.ssl\\.(truststore|keystore)\\.(password|type)$", ".$2");
            assertThat(docs).as("docs/serde.md mentions %s", key).containsAnyOf("`" + key + "`", "`" + simple + "`", key);
        }
    }
}
