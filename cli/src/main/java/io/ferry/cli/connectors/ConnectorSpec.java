package io.ferry.cli.connectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A connector as a user declares it: a name and its config. The config always holds
 * {@code name}, equal to the connector's name, as Kafka Connect stores it.
 *
 * @param name the connector's name, not blank
 * @param config the settings, in the order they were written
 */
public record ConnectorSpec(String name, Map<String, String> config) {

    public ConnectorSpec {
        Objects.requireNonNull(name, "name");
        Map<String, String> withName = new LinkedHashMap<>(config);
        withName.put("name", name);
        config = Collections.unmodifiableMap(withName);
    }
}
