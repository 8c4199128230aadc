package io.ferry.serde.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@link RegistryClient} operations as REST calls, without caching: one request (with its failover and
 * retries) per call. Thread-safe.
 */
public final class RestRegistryClient implements RegistryClient {
    private final RegistryTransport transport;

    public RestRegistryClient(RegistryClientConfig config) {
        this(new RegistryTransport(config));
    }

    RestRegistryClient(RegistryTransport transport) {
        this.transport = transport;
    }

    @Override
    public int register(String subject, RegistrySchema schema, boolean normalize) {
        JsonNode answer = transport.send("POST", "/subjects/" + segment(subject) + "/versions?normalize=" + normalize,
                RegistryJson.schemaRequest(schema));
        return answer.path("id").asInt();
    }

    @Override
    public RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize) {
        JsonNode answer = transport.send("POST", "/subjects/" + segment(subject) + "?normalize=" + normalize + "&deleted=false",
                RegistryJson.schemaRequest(schema));
        return RegistryJson.registered(subject, answer, schema);
    }

    @Override
    public RegistrySchema schemaById(int id) {
        return RegistryJson.schema(transport.send("GET", "/schemas/ids/" + id + "?fetchMaxId=false", null));
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        JsonNode answer = transport.send("GET", "/subjects/" + segment(subject) + "/versions/latest", null);
        return RegistryJson.registered(subject, answer, null);
    }

    @Override
    public RegistrySchema schemaById(int id, String format) {
        return RegistryJson.schema(transport.send("GET", "/schemas/ids/" + id + "?fetchMaxId=false" + formatQuery("&", format), null));
    }

    @Override
    public RegisteredSchema version(String subject, int version, String format) {
        JsonNode answer = transport.send("GET", "/subjects/" + segment(subject) + "/versions/" + version + formatQuery("?", format), null);
        return RegistryJson.registered(subject, answer, null);
    }

    private static String formatQuery(String separator, String format) {
        return format == null ? "" : separator + "format=" + URLEncoder.encode(format, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // java.net.http's client holds no resources that outlive its idle connections (Java 17 has no close()).
    }

    /** A subject as one path segment: percent-encoded, spaces as %20. */
    static String segment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
