package io.ferry.connect.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Connector configs and request bodies the REST tests send. */
final class Connectors {
    static final String FILE_SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    static final String FILE_SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";

    private Connectors() {
    }

    /** A valid FileStreamSink config, with extra settings. */
    static Map<String, String> sinkConfig(String... extra) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", FILE_SINK);
        config.put("tasks.max", "2");
        config.put("topics", "orders");
        config.put("file", "/tmp/orders.txt");
        for (int i = 0; i < extra.length; i += 2) {
            config.put(extra[i], extra[i + 1]);
        }
        return config;
    }

    /** The body of POST /connectors. */
    static String createBody(String name, Map<String, String> config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("config", config);
        return ConnectHttp.json(body);
    }

    /** Creates a sink connector through the API; fails the test on anything but 201. */
    static void create(ConnectHttp http, String name) {
        ConnectHttp.Reply reply = http.post("/connectors", createBody(name, sinkConfig()));
        if (reply.status() != 201) {
            throw new AssertionError("creating " + name + " failed: " + reply);
        }
    }
}
