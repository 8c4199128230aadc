package io.ferry.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.FerryProcess;
import io.ferry.kafka.embedded.LocalPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry killed with SIGKILL in the middle of registrations, its log then ending in a torn
 * write: after a restart every acknowledged schema is there, under the same id and version.
 */
class RegistryCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofSeconds(60);
    private static final int WRITERS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;

    /** One acknowledged registration. */
    record Ack(String subject, String schema, int id, int version) {
    }

    @Test
    void shouldKeepEveryAcknowledgedSchemaAfterAKillAndATornWrite() throws Exception {
        int port = LocalPorts.pickFree("127.0.0.1");
        String url = "http://127.0.0.1:" + port;
        Path dataDir = temp.resolve("registry");
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

        try (FerryProcess registry = FerryProcess.start("registry", "--listen", "127.0.0.1:" + port, "--data-dir", dataDir.toString())) {
            registry.awaitLine("Schema registry ready at", READY);
            for (int writer = 0; writer < WRITERS; writer++) {
                send(url, "PUT", "/config/crash-" + writer, "{\"compatibility\":\"NONE\"}");
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int writer = 0; writer < WRITERS; writer++) {
                int w = writer;
                writers.submit(() -> register(url, w, running, acks));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acks.size() < 400 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            registry.signal("KILL");
            registry.awaitExit(Duration.ofSeconds(30));
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acks).hasSizeGreaterThanOrEqualTo(400);
        appendTornBatch(dataDir.resolve("schemas.log"));

        try (FerryProcess registry = FerryProcess.start("registry", "--listen", "127.0.0.1:" + port, "--data-dir", dataDir.toString())) {
            registry.awaitLine("Schema registry ready at", READY);
            assertThat(Files.readString(dataDir.resolve("server.log"))).as("the torn write was cut off").contains("bytes of an unfinished write");
            Map<Integer, String> schemaOfId = new HashMap<>();
            Set<String> versionsSeen = new HashSet<>();
            for (Ack ack : acks) {
                JsonNode version = JSON.readTree(send(url, "GET", "/subjects/" + ack.subject() + "/versions/" + ack.version(), null).body());
                assertThat(version.path("id").asInt()).as("id of %s", ack).isEqualTo(ack.id());
                assertThat(version.path("schema").asText()).as("schema of %s", ack).isEqualTo(ack.schema());
                String previous = schemaOfId.put(ack.id(), ack.schema());
                assertThat(previous == null || previous.equals(ack.schema())).as("id %d given to two schemas", ack.id()).isTrue();
                assertThat(versionsSeen.add(ack.subject() + "/" + ack.version())).as("version acknowledged twice: %s", ack).isTrue();
            }
            int maxAcked = acks.stream().mapToInt(Ack::id).max().orElseThrow();
            HttpResponse<String> after = send(url, "POST", "/subjects/after-crash/versions", "{\"schema\":\"{\\\"type\\\":\\\"fixed\\\",\\\"name\\\":\\\"F\\\",\\\"size\\\":3}\"}");
            assertThat(JSON.readTree(after.body()).path("id").asInt()).as("new ids follow every acknowledged one").isGreaterThan(maxAcked);
        }
    }

    private void register(String url, int writer, AtomicBoolean running, ConcurrentLinkedQueue<Ack> acks) {
        String subject = "crash-" + writer;
        for (int i = 0; running.get(); i++) {
            String schema = "{\"type\":\"record\",\"name\":\"R" + writer + "x" + i + "\",\"fields\":[]}";
            try {
                HttpResponse<String> reply = send(url, "POST", "/subjects/" + subject + "/versions",
                        JSON.createObjectNode().put("schema", schema).toString());
                if (reply.statusCode() == 200) {
                    JsonNode body = JSON.readTree(reply.body());
                    acks.add(new Ack(subject, schema, body.path("id").asInt(), body.path("version").asInt()));
                }
            } catch (Exception e) {
                return; // the process is gone; what was not acknowledged does not count
            }
        }
    }

    /** The start of a batch whose rest never reached the disk: a length promising more than follows. */
    private static void appendTornBatch(Path log) throws Exception {
        ByteBuffer torn = ByteBuffer.allocate(20);
        torn.putInt(4096).putInt(0x1234_5678).putInt(1).putInt(40).putInt(0x7b226b65);
        Files.write(log, torn.array(), StandardOpenOption.APPEND);
    }

    private HttpResponse<String> send(String url, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
