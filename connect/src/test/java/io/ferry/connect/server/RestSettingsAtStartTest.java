package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers refuse REST settings they cannot serve before they try to reach Kafka (here, nothing listens there). */
class RestSettingsAtStartTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseAnHttpsListenerWithoutAKeyStoreAtOnceNamingTheSetting() {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", "127.0.0.1:1");
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        settings.put("listeners", "http://127.0.0.1:0,https://127.0.0.1:0");
        long started = System.nanoTime();

        assertThatThrownBy(() -> StandaloneConnect.start(settings, List.of(), "test")).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value null for configuration ssl.keystore.location: an https listener needs a key store holding "
                        + "the server's certificate");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms, not waiting for Kafka").isLessThan(20_000);
    }
}
