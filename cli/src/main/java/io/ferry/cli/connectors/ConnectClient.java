package io.ferry.cli.connectors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.cli.support.RestClient;

/**
 * The calls of Kafka Connect's REST API the {@code connectors} commands make. Answers are the
 * server's JSON; failures are the {@link RestClient}'s (404 a negative answer, the rest a server
 * error). Blocking.
 */
final class ConnectClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;

    ConnectClient(String url) {
        this.rest = new RestClient(url, "application/json");
    }

    /** {@code {"name": {"status": {...}}, ...}} for every connector. */
    JsonNode listWithStatus() {
        return rest.get("/connectors?expand=status");
    }

    JsonNode status(String name) {
        return rest.get(path(name) + "/status");
    }

    JsonNode offsets(String name) {
        return rest.get(path(name) + "/offsets");
    }

    /** The connector's config, or empty when there is no such connector. */
    Optional<Map<String, String>> config(String name) {
        return rest.find(path(name) + "/config").map(ConnectClient::strings);
    }

    /** Creates a connector; the answer is the created connector's info. */
    JsonNode create(ConnectorSpec spec) {
        ObjectNode body = JSON.createObjectNode().put("name", spec.name());
        body.set("config", JSON.valueToTree(spec.config()));
        return rest.send("POST", "/connectors", body);
    }

    /** Replaces (or creates) a connector's config. */
    JsonNode putConfig(ConnectorSpec spec) {
        return rest.send("PUT", path(spec.name()) + "/config", JSON.valueToTree(spec.config()));
    }

    /** {@code PUT /connectors/NAME/ACTION} for pause, resume and stop. */
    JsonNode put(String name, String action) {
        return rest.send("PUT", path(name) + "/" + action, null);
    }

    JsonNode restart(String name, boolean includeTasks, boolean onlyFailed) {
        return rest.send("POST", path(name) + "/restart?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed, null);
    }

    JsonNode delete(String name) {
        return rest.send("DELETE", path(name), null);
    }

    private static String path(String name) {
        return "/connectors/" + RestClient.segment(name);
    }

    private static Map<String, String> strings(JsonNode config) {
        Map<String, String> values = new LinkedHashMap<>();
        config.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText()));
        return values;
    }
}
