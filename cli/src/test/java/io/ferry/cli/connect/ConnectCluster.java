package io.ferry.cli.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.FerryProcess;
import io.ferry.kafka.embedded.LocalPorts;
import io.ferry.testkit.FerryCluster;

/**
 * Workers of one distributed Connect cluster, each its own {@code ferry connect distributed}
 * process, on the test kit's broker; and their REST API.
 */
final class ConnectCluster implements AutoCloseable {
    static final Duration READY = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONFLICT_RETRIES = 40;

    private final Path dir;
    private final Map<String, String> common;
    private final Map<String, FerryProcess> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();

    ConnectCluster(FerryCluster kafka, Path dir, String group, Path plugins) {
        this.dir = dir;
        this.common = workerSettings(kafka, group, plugins);
    }

    /**
     * Distributed worker settings Ferry and Apache Kafka Connect both take: the group, its internal
     * topics {@code <group>-configs}, {@code -offsets} and {@code -status}, string keys and values.
     */
    static Map<String, String> workerSettings(FerryCluster kafka, String group, Path plugins) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("group.id", group);
        settings.put("config.storage.topic", group + "-configs");
        settings.put("offset.storage.topic", group + "-offsets");
        settings.put("status.storage.topic", group + "-status");
        settings.put("config.storage.replication.factor", "1");
        settings.put("offset.storage.replication.factor", "1");
        settings.put("status.storage.replication.factor", "1");
        settings.put("offset.storage.partitions", "5");
        settings.put("status.storage.partitions", "2");
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.flush.interval.ms", "1000");
        settings.put("session.timeout.ms", "6000");
        // Every new connector or task set makes the group plan again, and the other workers hear of it only with
        // their next heartbeat: a short interval keeps each of those changes well under a second. A crashed
        // worker is still found by the session timeout above.
        settings.put("heartbeat.interval.ms", "250");
        settings.put("plugin.path", plugins.toString());
        return settings;
    }

    /** The settings every worker gets; change them before starting workers. */
    Map<String, String> common() {
        return common;
    }

    /** Starts a worker and waits until it joined the group. */
    FerryProcess start(String id) throws Exception {
        FerryProcess process = launch(id, Map.of());
        process.awaitLine("Connect worker ready at", READY);
        return process;
    }

    /** Starts a worker process with extra settings, without waiting. */
    FerryProcess launch(String id, Map<String, String> extra) throws IOException {
        int port = ports.computeIfAbsent(id, ignored -> LocalPorts.pickFree("127.0.0.1"));
        Map<String, String> settings = new HashMap<>(common);
        settings.put("listeners", "http://127.0.0.1:" + port);
        settings.put("ferry.worker.id", id);
        settings.putAll(extra);
        Path file = ConnectFiles.properties(dir.resolve(id + ".properties"), settings);
        FerryProcess process = FerryProcess.start("connect", "distributed", "--log-file", dir.resolve(id + ".log").toString(),
                file.toString());
        processes.put(id, process);
        return process;
    }

    void kill(String id) throws Exception {
        processes.get(id).signal("KILL");
        processes.get(id).awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, and waits for the process to end. */
    int stop(String id) throws Exception {
        processes.get(id).signal("TERM");
        return processes.get(id).awaitExit(Duration.ofSeconds(60));
    }

    /** The last lines of a worker's log file, for failure messages. */
    String logTail(String id) throws IOException {
        Path log = dir.resolve(id + ".log");
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    List<String> ids() {
        return new ArrayList<>(processes.keySet());
    }

    String url(String id) {
        return "http://127.0.0.1:" + ports.get(id);
    }

    record Reply(int status, JsonNode body) {
    }

    Reply get(String id, String path) throws Exception {
        return send(id, HttpRequest.newBuilder(URI.create(url(id) + path)).GET());
    }

    /** A POST, sent again while the worker answers 409 (see {@link #retryingConflicts}). */
    Reply post(String id, String path, Object body) throws Exception {
        return retryingConflicts(() -> send(id, HttpRequest.newBuilder(URI.create(url(id) + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))));
    }

    /** A PUT, sent again while the worker answers 409 (see {@link #retryingConflicts}). */
    Reply put(String id, String path, Object body) throws Exception {
        return retryingConflicts(() -> send(id, HttpRequest.newBuilder(URI.create(url(id) + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))));
    }

    /**
     * Sends a write again while it is refused with 409, as a client of Apache Kafka Connect does: a
     * worker refuses writes while its group rebalances — which each new connector or task set starts —
     * and applies nothing of a refused write. Gives up after {@link #CONFLICT_RETRIES}, with the last reply.
     */
    static Reply retryingConflicts(Callable<Reply> write) throws Exception {
        Reply reply = write.call();
        for (int attempt = 1; attempt < CONFLICT_RETRIES && reply.status() == 409; attempt++) {
            Thread.sleep(250);
            reply = write.call();
        }
        return reply;
    }

    Reply delete(String id, String path) throws Exception {
        return send(id, HttpRequest.newBuilder(URI.create(url(id) + path)).DELETE());
    }

    private static Reply send(String id, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(100)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body);
    }

    /** connector → its tasks' states ("RUNNING@worker"), through one worker's {@code expand=status}. */
    Map<String, List<String>> taskPlacement(String via) throws Exception {
        Reply reply = get(via, "/connectors?expand=status");
        Map<String, List<String>> placement = new LinkedHashMap<>();
        reply.body().fields().forEachRemaining(entry -> {
            List<String> tasks = new ArrayList<>();
            entry.getValue().path("status").path("tasks").forEach(task -> tasks.add(task.path("state").asText() + "@"
                    + task.path("worker_id").asText()));
            placement.put(entry.getKey(), tasks);
        });
        return placement;
    }

    /** worker id → how many RUNNING tasks it has, through one worker's view. */
    Map<String, Integer> runningTasksPerWorker(String via) throws Exception {
        Map<String, Integer> perWorker = new HashMap<>();
        for (List<String> tasks : taskPlacement(via).values()) {
            for (String task : tasks) {
                if (task.startsWith("RUNNING@")) {
                    perWorker.merge(task.substring("RUNNING@".length()), 1, Integer::sum);
                }
            }
        }
        return perWorker;
    }

    @Override
    public void close() {
        processes.values().forEach(FerryProcess::close);
    }
}
