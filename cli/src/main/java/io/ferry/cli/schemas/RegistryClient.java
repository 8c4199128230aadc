package io.ferry.cli.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.cli.support.RestClient;

/**
 * The calls of the schema registry's REST API the {@code schemas} commands make. Answers are the
 * server's JSON; failures are the {@link RestClient}'s (404 a negative answer, the rest a server
 * error). Blocking.
 */
final class RegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;

    RegistryClient(String url) {
        this.rest = new RestClient(url, "application/vnd.schemaregistry.v1+json");
    }

    JsonNode subjects() {
        return rest.get("/subjects");
    }

    /** {@code {"subject", "version", "id", "schemaType"?, "schema"}}; {@code version} is a number or {@code latest}. */
    JsonNode version(String subject, String version) {
        return rest.get(subjectPath(subject) + "/versions/" + RestClient.segment(version));
    }

    /** {@code {"id", ...}} of the registered (or already present) schema. */
    JsonNode register(String subject, SchemaFile schema) {
        return rest.send("POST", subjectPath(subject) + "/versions", body(schema));
    }

    /** {@code {"is_compatible", "messages"}} against one version (a number or {@code latest}). */
    JsonNode check(String subject, String version, SchemaFile schema) {
        String path = "/compatibility" + subjectPath(subject) + "/versions/" + RestClient.segment(version) + "?verbose=true";
        return rest.send("POST", path, body(schema));
    }

    /** The deleted versions: an array for a subject, a number for one version. */
    JsonNode delete(String subject, String version, boolean permanent) {
        String path = subjectPath(subject) + (version == null ? "" : "/versions/" + RestClient.segment(version));
        return rest.send("DELETE", path + "?permanent=" + permanent, null);
    }

    /** {@code {"compatibilityLevel"}} of a subject (falling back to the global level) or, for {@code null}, the global one. */
    JsonNode config(String subject) {
        return rest.get(subject == null ? "/config" : "/config/" + RestClient.segment(subject) + "?defaultToGlobal=true");
    }

    /** Sets the level; answers {@code {"compatibility"}}. */
    JsonNode setConfig(String subject, String level) {
        String path = subject == null ? "/config" : "/config/" + RestClient.segment(subject);
        return rest.send("PUT", path, JSON.createObjectNode().put("compatibility", level));
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + RestClient.segment(subject);
    }

    private static ObjectNode body(SchemaFile schema) {
        ObjectNode body = JSON.createObjectNode().put("schema", schema.text());
        if (!"AVRO".equals(schema.type())) {
            body.put("schemaType", schema.type());
        }
        return body;
    }
}
