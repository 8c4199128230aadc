package io.ferry.registry.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A plain HTTP client for the registry's REST API, as any Confluent client would use it. */
final class RegistryHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String V1 = "application/vnd.schemaregistry.v1+json";

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status, content type and body, with JSON helpers. */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }

        String message() {
            return json().path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {"schema": "<schema>"} with optional extra fields. */
    static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    static ObjectNode schemaRequest(String schema) {
        return JSON.createObjectNode().put("schema", schema);
    }

    /** An Avro record with the given int fields. */
    static String record(String name, String... fields) {
        StringBuilder text = new StringBuilder("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            text.append(i == 0 ? "" : ",").append(fields[i]);
        }
        return text.append("]}").toString();
    }

    static String intField(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"int\"}";
    }

    static String intFieldWithDefault(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"int\",\"default\":0}";
    }

    Reply get(String path) {
        return send("GET", path, null, V1);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, V1);
    }

    Reply put(String path, String body) {
        return send("PUT", path, body, V1);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, V1);
    }

    Reply send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, null);
    }

    Reply send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers and returns the id; fails the test on anything but 200. */
    int register(String subject, String schema) {
        Reply reply = post("/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        if (reply.status() != 200) {
            throw new AssertionError("registering under " + subject + " failed: " + reply);
        }
        return reply.json().path("id").asInt();
    }
}
