package io.ferry.registry.api;

import static io.ferry.registry.api.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code _schemas} topic as Confluent's registry leaves it — its record shapes, old and new, a soft
 * delete, a subject delete, global and subject settings (a JSON Schema subject's compatibilityPolicy among
 * them), tombstones, a context record — taken over by Ferry, which serves the same ids and continues after
 * the highest one.
 */
class ConfluentTopicTakeoverIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dataDir;

    private static final String USER_V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}";
    private static final String USER_V2 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"},"
            + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";

    private static final String EVENT_V1 = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    /** An optional property added to an open content model: incompatible backward unless the policy is LENIENT. */
    private static final String EVENT_V2 = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}";

    private static String quoted(String schema) {
        return "\"" + schema.replace("\"", "\\\"") + "\"";
    }

    @Test
    void shouldServeTheIdsConfluentGaveAndContinueAfterThem(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("_schemas");
        cluster.createCompactedTopic(topic, 1);
        List<String[]> records = new ArrayList<>(List.of(
                new String[] {"{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"},
                new String[] {"{\"keytype\":\"NOOP\",\"magic\":0}", null},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"users-value\",\"version\":1,\"magic\":1}",
                        "{\"subject\":\"users-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(USER_V1) + ",\"deleted\":false}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"users-value\",\"version\":2,\"magic\":1}",
                        "{\"subject\":\"users-value\",\"version\":2,\"id\":2,\"schema\":" + quoted(USER_V2) + ",\"deleted\":false}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"old-value\",\"version\":1,\"magic\":0}",
                        "{\"subject\":\"old-value\",\"version\":1,\"id\":5,\"schema\":\"\\\"string\\\"\"}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"gone-value\",\"version\":1,\"magic\":1}",
                        "{\"subject\":\"gone-value\",\"version\":1,\"id\":3,\"schema\":\"\\\"long\\\"\",\"deleted\":false}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"gone-value\",\"version\":1,\"magic\":1}", null},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"soft-value\",\"version\":1,\"magic\":1}",
                        "{\"subject\":\"soft-value\",\"version\":1,\"id\":4,\"schema\":\"\\\"bytes\\\"\",\"deleted\":false}"},
                new String[] {"{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"soft-value\",\"magic\":0}", "{\"subject\":\"soft-value\",\"version\":1}"},
                new String[] {"{\"keytype\":\"CONFIG\",\"subject\":\"users-value\",\"magic\":0}",
                        "{\"subject\":\"users-value\",\"compatibilityLevel\":\"BACKWARD\",\"normalize\":false}"},
                new String[] {"{\"keytype\":\"SCHEMA\",\"subject\":\"events-value\",\"version\":1,\"magic\":1}",
                        "{\"subject\":\"events-value\",\"version\":1,\"id\":6,\"schemaType\":\"JSON\",\"schema\":" + quoted(EVENT_V1)
                                + ",\"deleted\":false}"},
                new String[] {"{\"keytype\":\"CONFIG\",\"subject\":\"events-value\",\"magic\":0}",
                        "{\"subject\":\"events-value\",\"compatibilityLevel\":\"BACKWARD\",\"compatibilityPolicy\":\"LENIENT\"}"},
                new String[] {"{\"keytype\":\"MODE\",\"subject\":\"old-value\",\"magic\":0}", "{\"subject\":\"old-value\",\"mode\":\"READONLY\"}"},
                new String[] {"{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".\",\"magic\":0}",
                        "{\"tenant\":\"default\",\"context\":\".\"}"}));
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of("acks", "all"))) {
            for (String[] record : records) {
                producer.send(new ProducerRecord<>(topic, bytes(record[0]), bytes(record[1]))).get();
            }
        }

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        RegistryServerConfig.KafkaBackend backend = new RegistryServerConfig.KafkaBackend(cluster.clientConfig(), topic,
                "takeover-" + suffix, (short) 1, true, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(60));
        try (RegistryServer server = RegistryServer.start(
                RegistryServerConfig.local("127.0.0.1", 0, Files.createDirectories(dataDir)).withBackend(backend), "test")) {
            RegistryHttp api = new RegistryHttp(server.url());
            assertThat(api.get("/schemas/ids/1").json().path("schema").asText()).isEqualTo(USER_V1);
            assertThat(api.get("/schemas/ids/2").json().path("schema").asText()).isEqualTo(USER_V2);
            assertThat(api.get("/schemas/ids/5").json().path("schema").asText()).isEqualTo("\"string\"");
            assertThat(api.get("/schemas/ids/3").errorCode()).as("permanently deleted").isEqualTo(40403);
            assertThat(api.get("/schemas/ids/4").status()).as("soft-deleted ids still resolve").isEqualTo(200);
            assertThat(api.get("/subjects").json().toString()).isEqualTo("[\"events-value\",\"old-value\",\"users-value\"]");
            assertThat(api.get("/subjects?deleted=true").json().toString())
                    .isEqualTo("[\"events-value\",\"old-value\",\"soft-value\",\"users-value\"]");
            assertThat(api.get("/subjects/users-value/versions").json().toString()).isEqualTo("[1,2]");
            assertThat(api.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
            assertThat(api.get("/config/users-value").json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\",\"normalize\":false}");
            assertThat(api.get("/mode/old-value").json().path("mode").asText()).isEqualTo("READONLY");
            assertThat(api.get("/config/events-value").json().toString())
                    .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\",\"compatibilityPolicy\":\"LENIENT\"}");
            RegistryHttp.Reply lenient = api.post("/compatibility/subjects/events-value/versions/latest",
                    RegistryHttp.schemaRequest(EVENT_V2).put("schemaType", "JSON").toString());
            assertThat(lenient.json().path("is_compatible").asBoolean()).as("the policy Confluent stored applies: %s", lenient).isTrue();

            RegistryHttp.Reply next = api.post("/subjects/new-value/versions", schemaBody("\"double\""));
            assertThat(next.json().path("id").asInt()).as("after the highest id Confluent gave").isEqualTo(7);
            RegistryHttp.Reply reused = api.post("/subjects/copy-value/versions", schemaBody(USER_V1));
            assertThat(reused.json().path("id").asInt()).as("the same schema keeps its id in a new subject").isEqualTo(1);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
