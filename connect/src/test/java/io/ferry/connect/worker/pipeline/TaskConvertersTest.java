package io.ferry.connect.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which converters a task gets, and in which version: the connector's own settings, else the worker's. */
class TaskConvertersTest {
    private static final Plugins PLUGINS = Plugins.onClasspath();
    private static final String KAFKA_VERSION = AppInfoParser.getVersion();

    @AfterAll
    static void close() {
        PLUGINS.close();
    }

    private static WorkerConfig worker(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092",
                "key.converter", StringConverter.class.getName(), "value.converter", StringConverter.class.getName()));
        settings.putAll(extra);
        return new WorkerConfig(settings);
    }

    @Test
    void shouldMakeTheWorkersConvertersInTheVersionTheWorkerAsksFor() {
        WorkerConfig worker = worker(Map.of("key.converter.plugin.version", KAFKA_VERSION,
                "value.converter.plugin.version", "[1.0,)"));

        try (TaskConverters converters = TaskConverters.of(worker, Map.of("name", "c"), PLUGINS)) {
            assertThat(converters.key()).isInstanceOf(StringConverter.class);
            assertThat(converters.value()).isInstanceOf(StringConverter.class);
        }
    }

    @Test
    void shouldRefuseAWorkerConverterVersionThatIsNotInstalled() {
        WorkerConfig worker = worker(Map.of("value.converter.plugin.version", "9.9"));

        assertThatThrownBy(() -> TaskConverters.of(worker, Map.of("name", "c"), PLUGINS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.converter")
                .hasMessageContaining("not found that matches the version range [9.9,9.9], available versions: [" + KAFKA_VERSION + "]");
    }

    @Test
    void shouldTakeTheConnectorsConverterVersionForTheConverterTheConnectorSets() {
        WorkerConfig worker = worker(Map.of("key.converter.plugin.version", "9.9"));
        Map<String, String> connector = Map.of("name", "c", "key.converter", JsonConverter.class.getName(),
                "key.converter.plugin.version", KAFKA_VERSION, "key.converter.schemas.enable", "false");

        try (TaskConverters converters = TaskConverters.of(worker, connector, PLUGINS)) {
            assertThat(converters.key()).isInstanceOf(JsonConverter.class);
        }
        Map<String, String> missing = new HashMap<>(connector);
        missing.put("key.converter.plugin.version", "(," + KAFKA_VERSION + ")");
        assertThatThrownBy(() -> TaskConverters.of(worker, missing, PLUGINS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key.converter");
    }

    @BeforeEach
    void resetCloses() {
        ClosingConverter.CLOSES.set(0);
    }

    @Test
    void shouldKeepWhyAConverterRejectedItsSettingsAsTheCause() {
        Map<String, String> connector = Map.of("name", "c", "value.converter", RefusingConverter.class.getName());

        assertThatThrownBy(() -> TaskConverters.of(worker(Map.of()), connector, PLUGINS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.converter")
                .hasMessageContaining("the converter rejected its settings: no registry")
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("no registry")
                .cause().hasMessage("connection refused");
    }

    @Test
    void shouldCloseTheConvertersAlreadyMadeWhenALaterOneCannotBeMade() {
        Map<String, String> refused = Map.of("name", "c", "key.converter", ClosingConverter.class.getName(),
                "value.converter", RefusingConverter.class.getName());
        Map<String, String> missing = Map.of("name", "c", "key.converter", ClosingConverter.class.getName(),
                "value.converter", ClosingConverter.class.getName(), "header.converter", "no.such.HeaderConverter");

        assertThatThrownBy(() -> TaskConverters.of(worker(Map.of()), refused, PLUGINS)).isInstanceOf(ConfigException.class);
        // The key converter, and the value converter that refused its settings.
        assertThat(ClosingConverter.CLOSES).hasValue(2);
        assertThatThrownBy(() -> TaskConverters.of(worker(Map.of()), missing, PLUGINS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("header.converter");
        assertThat(ClosingConverter.CLOSES).hasValue(4);
    }

    /** A converter that counts how often it is closed. */
    public static class ClosingConverter implements Converter, AutoCloseable {
        static final AtomicInteger CLOSES = new AtomicInteger();

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }

        @Override
        public byte[] fromConnectData(String topic, Schema schema, Object value) {
            return null;
        }

        @Override
        public SchemaAndValue toConnectData(String topic, byte[] value) {
            return SchemaAndValue.NULL;
        }

        @Override
        public void close() {
            CLOSES.incrementAndGet();
        }
    }

    /** A converter whose configure fails the way one does when a service it needs is down; its closes are counted too. */
    public static final class RefusingConverter extends ClosingConverter {
        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            throw new IllegalStateException("no registry", new RuntimeException("connection refused"));
        }
    }
}
