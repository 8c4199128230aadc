package io.ferry.connect.errors;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.SinkConnectorConfig;

/** Connector settings for tests. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** A sink connector "s" reading topic "t", with {@code more} settings. */
    static SinkConnectorConfig sink(Map<String, String> more) {
        Map<String, String> props = new HashMap<>(Map.of("name", "s", "connector.class", "FileStreamSink", "topics", "t"));
        props.putAll(more);
        return new SinkConnectorConfig(props);
    }
}
