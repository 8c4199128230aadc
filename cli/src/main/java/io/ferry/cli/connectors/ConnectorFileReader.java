package io.ferry.cli.connectors;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.support.InputFiles;

/**
 * Reads one connector file as {@code connect-standalone} takes it: {@code .properties} with a
 * {@code name}, or {@code .json} either as {@code POST /connectors} takes it ({@code {"name",
 * "config"}}) or as a flat config holding {@code name}. Failures exit with bad input, naming the
 * file (and the line of a syntax error).
 */
public final class ConnectorFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorFileReader() {
    }

    /** The connector the file declares. */
    public static ConnectorSpec read(Path file) {
        String text = InputFiles.read(file);
        Map<String, String> config;
        if (file.getFileName().toString().endsWith(".json")) {
            config = fromJson(file, text);
        } else {
            config = fromProperties(file, text);
        }
        String name = config.get("name");
        if (name == null || name.isBlank()) {
            throw InputFiles.badInput(file, "the connector has no 'name'", null);
        }
        return new ConnectorSpec(name.strip(), config);
    }

    private static Map<String, String> fromProperties(Path file, String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw InputFiles.badInput(file, "not a properties file: " + e.getMessage(), e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> config.put(key, properties.getProperty(key)));
        return config;
    }

    private static Map<String, String> fromJson(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw InputFiles.syntaxError(file, e);
        }
        if (root == null || !root.isObject()) {
            throw InputFiles.badInput(file, "expected a JSON object", null);
        }
        JsonNode settings = root.has("config") ? root.get("config") : root;
        if (!settings.isObject()) {
            throw InputFiles.badInput(file, "'config' must be an object", null);
        }
        Map<String, String> config = new LinkedHashMap<>();
        settings.fields().forEachRemaining(field -> config.put(field.getKey(), scalar(file, field.getKey(), field.getValue())));
        if (root.has("config") && root.hasNonNull("name")) {
            config.put("name", root.get("name").asText());
        }
        return config;
    }

    private static String scalar(Path file, String key, JsonNode value) {
        if (value.isContainerNode() || value.isNull()) {
            throw InputFiles.badInput(file, "the value of '" + key + "' must be a string, number or boolean", null);
        }
        return value.asText();
    }
}
