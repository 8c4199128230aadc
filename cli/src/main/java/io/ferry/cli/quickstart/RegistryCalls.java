package io.ferry.cli.quickstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The few registry calls the quickstart shows, over its REST API as any client makes them. */
final class RegistryCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    RegistryCalls(String url) {
        this.url = url;
    }

    /** The subject's versions, e.g. {@code [1, 2]}; empty when the subject does not exist yet. */
    JsonNode versions(String subject) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/subjects/" + subject + "/versions");
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
    }

    /** {@code {subject, version, id, schema}} of the latest version. */
    JsonNode latest(String subject) throws IOException, InterruptedException {
        return JSON.readTree(get("/subjects/" + subject + "/versions/latest").body());
    }

    /**
     * Registers the latest schema of the subject with one field's type changed, as a producer that breaks
     * its consumers would: the answer's status and body ({@code error_code}, {@code message} on refusal).
     */
    HttpResponse<String> registerWithFieldType(String subject, String field, String type) throws IOException, InterruptedException {
        ObjectNode schema = (ObjectNode) JSON.readTree(latest(subject).path("schema").asText());
        for (JsonNode each : schema.withArray("fields")) {
            if (each.path("name").asText().equals(field)) {
                ((ObjectNode) each).put("type", type);
            }
        }
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("schema", JSON.writeValueAsString(schema)));
        return http.send(HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String message(String body) {
        try {
            return JSON.readTree(body).path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
