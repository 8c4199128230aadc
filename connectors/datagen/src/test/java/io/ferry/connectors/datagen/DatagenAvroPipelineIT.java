package io.ferry.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datagen through Ferry's AvroConverter and registry, the way Confluent's datagen is used: the schema the
 * registry holds for the topic is the generating schema again — the same record and enum names, the null
 * union, the logical type.
 */
class DatagenAvroPipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            {"type": "record", "namespace": "shop", "name": "Order", "fields": [
              {"name": "id", "type": {"type": "long", "arg.properties": {"iteration": {"start": 1}}}},
              {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID", "SHIPPED"]}},
              {"name": "placed", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "note", "type": ["null", "string"]},
              {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                {"name": "city", "type": {"type": "string", "arg.properties": {"options": ["Oslo", "Lima"]}}}
              ]}}
            ]}""";

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldRegisterTheGeneratingSchemaThroughTheAvroConverter(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("avro-orders");
        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            Map<String, String> worker = DatagenWorkerFixture.workerSettings(cluster, dir);
            worker.put("value.converter", "io.ferry.serde.connect.AvroConverter");
            worker.put("value.converter.schema.registry.url", registry.url());
            worker.put("value.converter.enhanced.avro.schema.support", "true");
            Map<String, String> connector = DatagenWorkerFixture.connector("avro-orders", topic, "schema.string", SCHEMA,
                    "iterations", "25", "records.per.second", "0");
            try (StandaloneConnect connect = DatagenWorkerFixture.start(worker, connector)) {
                await().atMost(DatagenWorkerFixture.WAIT).until(() -> cluster.recordCount(topic) >= 25);
            }
            JsonNode registered = JSON.readTree(get(registry.url() + "/subjects/" + topic + "-value/versions/latest")
                    .path("schema").asText());
            assertThat(registered.path("type").asText()).isEqualTo("record");
            assertThat(registered.path("name").asText()).isEqualTo("Order");
            assertThat(registered.path("namespace").asText()).isEqualTo("shop");
            JsonNode fields = registered.path("fields");
            assertThat(fields).extracting(field -> field.path("name").asText()).containsExactly("id", "status", "placed", "note", "address");
            assertThat(fields.get(1).path("type").path("type").asText()).isEqualTo("enum");
            assertThat(fields.get(1).path("type").path("symbols")).extracting(JsonNode::asText).containsExactly("NEW", "PAID", "SHIPPED");
            assertThat(fields.get(2).path("type").path("logicalType").asText()).isEqualTo("timestamp-millis");
            assertThat(fields.get(3).path("type")).extracting(JsonNode::asText).containsExactly("null", "string");
            assertThat(fields.get(4).path("type").path("name").asText()).isEqualTo("Address");
            assertThat(cluster.recordCount(topic)).isEqualTo(25);
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
