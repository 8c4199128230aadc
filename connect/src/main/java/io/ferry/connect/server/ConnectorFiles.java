package io.ferry.connect.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.model.TargetState;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads the connector files a standalone worker is started with, as Apache Kafka Connect's
 * {@code connect-standalone} does: a {@code .properties} file of the connector's config, or a JSON
 * file that is either the body of {@code POST /connectors} ({@code {"name", "config",
 * "initial_state"}}) or a plain object of the config.
 */
public final class ConnectorFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorFiles() {
    }

    /**
     * @throws ConfigException naming the file and what is wrong with it
     */
    public static ConnectorRequest read(Path file) {
        try {
            String text = Files.readString(file);
            ConnectorRequest request = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    || text.stripLeading().startsWith("{") ? json(text, file) : properties(file);
            if (request.name() == null || request.name().isBlank()) {
                throw new ConfigException("The connector file " + file + " does not give the connector a name ("
                        + ConnectorConfig.NAME + ")");
            }
            return request;
        } catch (NoSuchFileException e) {
            throw new ConfigException("The connector file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("The connector file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static ConnectorRequest properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> config = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key).trim()));
        return new ConnectorRequest(config.get(ConnectorConfig.NAME), config, TargetState.STARTED);
    }

    private static ConnectorRequest json(String text, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("The connector file " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("The connector file " + file + " must hold a JSON object");
        }
        if (root.has("config") && root.get("config").isObject()) {
            Map<String, String> config = strings(root.get("config"), file);
            String name = root.hasNonNull("name") ? root.get("name").asText() : config.get(ConnectorConfig.NAME);
            if (name != null && config.containsKey(ConnectorConfig.NAME) && !name.equals(config.get(ConnectorConfig.NAME))) {
                throw new ConfigException("The connector file " + file + " names the connector " + name + " but its config names it "
                        + config.get(ConnectorConfig.NAME));
            }
            if (name != null) {
                config.put(ConnectorConfig.NAME, name);
            }
            return new ConnectorRequest(name, config, initialState(root, file));
        }
        Map<String, String> config = strings(root, file);
        return new ConnectorRequest(config.get(ConnectorConfig.NAME), config, TargetState.STARTED);
    }

    private static TargetState initialState(JsonNode root, Path file) {
        if (!root.hasNonNull("initial_state")) {
            return TargetState.STARTED;
        }
        String state = root.get("initial_state").asText().toUpperCase(Locale.ROOT);
        switch (state) {
            case "RUNNING":
                return TargetState.STARTED;
            case "PAUSED":
                return TargetState.PAUSED;
            case "STOPPED":
                return TargetState.STOPPED;
            default:
                throw new ConfigException("The connector file " + file + " has initial_state " + root.get("initial_state")
                        + "; it must be RUNNING, PAUSED or STOPPED");
        }
    }

    private static Map<String, String> strings(JsonNode object, Path file) {
        Map<String, String> config = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new ConfigException("The connector file " + file + " gives " + field.getKey()
                        + " a JSON object or array; config values are strings");
            }
            config.put(field.getKey(), value.isNull() ? null : value.asText());
        });
        return config;
    }
}
