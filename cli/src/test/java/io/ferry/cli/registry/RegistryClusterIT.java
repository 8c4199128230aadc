package io.ferry.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.FerryProcess;
import io.ferry.kafka.embedded.LocalPorts;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two registry processes on one Kafka topic: writes through the follower reach the leader; the
 * leader killed with SIGKILL during registrations is replaced within seconds, no id is given to
 * two schemas, and no acknowledged registration is lost.
 */
class RegistryClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofSeconds(90);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.of(FerryCluster.builder().inProcess());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;

    /** One registry node process and its URL. */
    private record Node(FerryProcess process, String url) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    record Ack(String subject, String schema, int id, int version) {
    }

    private Path config(FerryCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return Files.writeString(temp.resolve("registry-" + suffix + ".properties"), String.join("\n",
                "kafkastore.bootstrap.servers=" + cluster.bootstrapServers(),
                "kafkastore.topic=_schemas-" + suffix,
                "schema.registry.group.id=registry-" + suffix,
                "ferry.group.session.timeout.ms=2000",
                "ferry.group.heartbeat.interval.ms=500", ""));
    }

    private Node start(Path config, String name) throws Exception {
        int port = LocalPorts.pickFree("127.0.0.1");
        FerryProcess process = FerryProcess.start("registry", "--config", config.toString(), "--listen", "127.0.0.1:" + port,
                "--data-dir", temp.resolve(name).toString());
        process.awaitLine("Schema registry ready at", READY);
        return new Node(process, "http://127.0.0.1:" + port);
    }

    private HttpResponse<String> send(String url, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(15));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode health(Node node) throws Exception {
        return JSON.readTree(send(node.url(), "GET", "/health", null).body()).path("details");
    }

    private Node[] leaderFirst(Node a, Node b) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> health(a).path("isLeader").asBoolean() != health(b).path("isLeader").asBoolean());
        return health(a).path("isLeader").asBoolean() ? new Node[] {a, b} : new Node[] {b, a};
    }

    private static String body(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    @Test
    void shouldServeWritesThroughTheFollowerAndReadsEverywhere(FerryCluster cluster) throws Exception {
        Path config = config(cluster);
        try (Node a = start(config, "a"); Node b = start(config, "b")) {
            Node[] nodes = leaderFirst(a, b);
            Node leader = nodes[0];
            Node follower = nodes[1];
            assertThat(health(follower).path("leader").asText()).isEqualTo(leader.url());

            HttpResponse<String> registered = send(follower.url(), "POST", "/subjects/through-follower/versions", body("\"string\""));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            int id = JSON.readTree(registered.body()).path("id").asInt();
            for (Node node : nodes) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(JSON.readTree(send(node.url(), "GET", "/schemas/ids/" + id, null).body()).path("schema").asText())
                                .isEqualTo("\"string\""));
            }
            assertThat(send(follower.url(), "PUT", "/config/through-follower", "{\"compatibility\":\"FULL\"}").statusCode()).isEqualTo(200);
            assertThat(send(follower.url(), "PUT", "/mode/through-follower", "{\"mode\":\"READONLY\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> refused = send(follower.url(), "POST", "/subjects/through-follower/versions", body("\"int\""));
            assertThat(refused.statusCode()).as("the leader's answer is relayed as it is").isEqualTo(422);
            assertThat(JSON.readTree(refused.body()).path("error_code").asInt()).isEqualTo(42205);
            assertThat(send(follower.url(), "DELETE", "/mode/through-follower", null).statusCode()).isEqualTo(200);
            assertThat(send(follower.url(), "DELETE", "/subjects/through-follower", null).body()).isEqualTo("[1]");
        }
    }

    @Test
    void shouldReplaceAKilledLeaderWithoutLosingOrDuplicatingAnything(FerryCluster cluster) throws Exception {
        Path config = config(cluster);
        Node a = start(config, "a");
        Node b = start(config, "b");
        try {
            Node[] nodes = leaderFirst(a, b);
            Node leader = nodes[0];
            Node survivor = nodes[1];
            for (int writer = 0; writer < 4; writer++) {
                assertThat(send(survivor.url(), "PUT", "/config/failover-" + writer, "{\"compatibility\":\"NONE\"}").statusCode()).isEqualTo(200);
            }
            ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong lastAckNanos = new AtomicLong();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int writer = 0; writer < 4; writer++) {
                int w = writer;
                // Half the writers go through the node that will die, half through the survivor.
                Node target = w % 2 == 0 ? survivor : leader;
                writers.submit(() -> register(target, survivor, w, running, acks, lastAckNanos));
            }
            long writing = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> acks.size() >= 100);
            System.out.printf("100 registrations in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - writing));
            int acksBeforeKill = acks.size();
            long killedAt = System.nanoTime();
            leader.process().signal("KILL");
            leader.process().awaitExit(Duration.ofSeconds(30));

            await().atMost(Duration.ofSeconds(30)).until(() -> lastAckNanos.get() > killedAt);
            long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(lastAckNanos.get() - killedAt);
            await().atMost(Duration.ofSeconds(30)).until(() -> acks.size() >= acksBeforeKill + 100);
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            JsonNode after = health(survivor);
            assertThat(after.path("isLeader").asBoolean()).isTrue();
            System.out.printf("Leader killed after %d acknowledged registrations; first acknowledged write after the kill %d ms later;"
                    + " %d in all%n", acksBeforeKill, takeoverMillis, acks.size());

            Map<Integer, String> schemaOfId = new HashMap<>();
            for (Ack ack : acks) {
                JsonNode version = JSON.readTree(send(survivor.url(), "GET", "/subjects/" + ack.subject() + "/versions/" + ack.version(), null).body());
                assertThat(version.path("id").asInt()).as("id of %s", ack).isEqualTo(ack.id());
                assertThat(version.path("schema").asText()).as("schema of %s", ack).isEqualTo(ack.schema());
                String previous = schemaOfId.put(ack.id(), ack.schema());
                assertThat(previous == null || previous.equals(ack.schema())).as("id %d given to two schemas", ack.id()).isTrue();
            }

            Node restarted = start(config, "a-again");
            try {
                for (Ack ack : acks) {
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(JSON.readTree(send(restarted.url(), "GET",
                            "/subjects/" + ack.subject() + "/versions/" + ack.version(), null).body()).path("id").asInt()).isEqualTo(ack.id()));
                }
            } finally {
                restarted.close();
            }
        } finally {
            a.close();
            b.close();
        }
    }

    /**
     * Registers new schemas until stopped, through {@code target} while it lives and then through
     * the survivor, recording every acknowledged one.
     */
    private void register(Node target, Node survivor, int writer, AtomicBoolean running, ConcurrentLinkedQueue<Ack> acks,
                          AtomicLong lastAckNanos) {
        String subject = "failover-" + writer;
        Node via = target;
        for (int i = 0; running.get(); i++) {
            String schema = "{\"type\":\"record\",\"name\":\"F" + writer + "x" + i + "\",\"fields\":[]}";
            try {
                HttpResponse<String> reply = send(via.url(), "POST", "/subjects/" + subject + "/versions", body(schema));
                if (reply.statusCode() == 200) {
                    JsonNode answer = JSON.readTree(reply.body());
                    acks.add(new Ack(subject, schema, answer.path("id").asInt(), answer.path("version").asInt()));
                    lastAckNanos.set(System.nanoTime());
                } else {
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                via = survivor;
            }
        }
    }
}
