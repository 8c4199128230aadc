package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalClusterSettingsTest {

    @Test
    void shouldRunInProcessWhenNoBootstrapIsNamed() {
        assertThat(ExternalClusterSettings.from(Map.of())).isEmpty();
        assertThat(ExternalClusterSettings.from(Map.of(ExternalClusterSettings.BOOTSTRAP_ENV, "  "))).isEmpty();
    }

    @Test
    void shouldReadBootstrapAndClientSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");
        ExternalClusterSettings settings = ExternalClusterSettings.from(Map.of(
                ExternalClusterSettings.BOOTSTRAP_ENV, " kafka-1:9092,kafka-2:9092 ",
                ExternalClusterSettings.CLIENT_CONFIG_ENV, file.toString())).orElseThrow();
        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(settings.clientConfig()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void shouldNameAnUnreadableClientConfigFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> ExternalClusterSettings.from(Map.of(
                ExternalClusterSettings.BOOTSTRAP_ENV, "kafka:9092",
                ExternalClusterSettings.CLIENT_CONFIG_ENV, missing.toString())))
                .hasMessageStartingWith(ExternalClusterSettings.CLIENT_CONFIG_ENV + "=" + missing + " cannot be read");
    }
}
