import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The measuring side of bench/connect-distributed.sh: drives and watches a distributed Connect cluster
 * from outside, with Kafka's admin client and plain HTTP only.
 *
 * <pre>
 * DistributedWatch pipeline BOOTSTRAP TOPIC PARTITIONS N REST SINK.json SOURCE.json SINK_FILE TIMEOUT_S
 *     creates TOPIC, creates the sink and waits until it and all its tasks are RUNNING, then creates the
 *     source and polls every 10 ms until the topic's end offsets sum to N (source_done), the sink's file
 *     has N lines (sink_done) and the group connect-SINK has committed offsets summing to N (committed)
 * DistributedWatch spread REST TASKS TIMEOUT_S WORKER_ID...
 *     waits until TASKS tasks exist, every connector and task is RUNNING and each worker runs a task
 * DistributedWatch failover BOOTSTRAP REST SINK PID WORKER_ID KILL|TERM TIMEOUT_S
 *     signals the worker process PID, then polls every 50 ms: GET /connectors?expand=status until every
 *     connector and task is RUNNING on a worker other than WORKER_ID (recovered), and the group
 *     connect-SINK until it is stable with one member per sink task, none of them WORKER_ID's
 *     (sink_group_stable)
 * </pre>
 *
 * Each mode ends by printing {@code key=value} lines (times in epoch milliseconds); exit 1 with a message
 * on stderr when a connector or task fails or the timeout passes.
 */
public final class DistributedWatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> marks = new LinkedHashMap<>();
    private final long deadline;

    private DistributedWatch(long timeoutSeconds) {
        this.deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
    }

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "pipeline" -> new DistributedWatch(Long.parseLong(args[9])).pipeline(args[1], args[2],
                        Integer.parseInt(args[3]), Long.parseLong(args[4]), args[5], Path.of(args[6]), Path.of(args[7]),
                        Path.of(args[8]));
                case "spread" -> new DistributedWatch(Long.parseLong(args[3]))
                        .spread(args[1], Integer.parseInt(args[2]), List.of(args).subList(4, args.length));
                case "failover" -> new DistributedWatch(Long.parseLong(args[7]))
                        .failover(args[1], args[2], args[3], Long.parseLong(args[4]), args[5], args[6].equals("KILL"));
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (WatchSupport.WatchFailed e) {
            System.err.println("DistributedWatch: " + e.getMessage());
            System.exit(1);
        }
    }

    private void pipeline(String bootstrap, String topic, int partitions, long n, String rest, Path sinkJson,
                          Path sourceJson, Path sinkFile) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            List<TopicPartition> topicPartitions = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            String sink = JSON.readTree(sinkJson.toFile()).path("name").asText();
            String source = JSON.readTree(sourceJson.toFile()).path("name").asText();
            int sinkTasks = JSON.readTree(sinkJson.toFile()).path("config").path("tasks.max").asInt();
            int sourceTasks = JSON.readTree(sourceJson.toFile()).path("config").path("tasks.max").asInt();

            create(rest, sinkJson);
            while (!allRunning(rest + "/connectors/" + sink + "/status", sinkTasks)) {
                sleep(10);
            }
            marks.put("sink_running", System.currentTimeMillis());
            create(rest, sourceJson);
            marks.put("created", System.currentTimeMillis());
            WatchSupport.LineCounter lines = new WatchSupport.LineCounter(sinkFile);
            while (!marks.containsKey("committed")) {
                sleep(10);
                long now = System.currentTimeMillis();
                if (!marks.containsKey("source_running") && allRunning(rest + "/connectors/" + source + "/status", sourceTasks)) {
                    marks.put("source_running", now);
                }
                if (!marks.containsKey("source_done") && WatchSupport.endOffsets(admin, topicPartitions) >= n) {
                    marks.put("source_done", System.currentTimeMillis());
                }
                if (!marks.containsKey("sink_done") && lines.count() >= n) {
                    marks.put("sink_done", System.currentTimeMillis());
                }
                if (committed(admin, "connect-" + sink) >= n) {
                    marks.put("committed", System.currentTimeMillis());
                }
            }
            if (!marks.containsKey("sink_done")) { // the last lines and the commit arrived within one poll
                marks.put("sink_done", marks.get("committed"));
            }
            marks.put("records_in_topic", WatchSupport.endOffsets(admin, topicPartitions));
            marks.put("lines_in_file", lines.count());
        }
        marks.put("placement", placement(rest));
        report();
    }

    private void spread(String rest, int tasks, List<String> workers) throws Exception {
        while (true) {
            JsonNode all = getJson(rest + "/connectors?expand=status");
            if (all != null && tasks(all) == tasks && runningElsewhere(all, "")
                    && workers.stream().allMatch(worker -> perWorker(all).getOrDefault(worker, 0) > 0)) {
                marks.put("spread", System.currentTimeMillis());
                marks.put("placement", perWorker(all));
                report();
                return;
            }
            sleep(50);
        }
    }

    private void failover(String bootstrap, String rest, String sink, long pid, String worker, boolean kill)
            throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new WatchSupport.WatchFailed("no process " + pid));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            JsonNode before = getJson(rest + "/connectors?expand=status");
            marks.put("victim_tasks", perWorker(before).getOrDefault(worker, 0));
            marks.put("victim_connectors", connectorsOn(before, worker));
            String group = "connect-" + sink;
            int sinkTasks = before.path(sink).path("status").path("tasks").size();
            Set<String> victimMembers = victimSinkMembers(admin, group, sink, before.path(sink), worker);
            marks.put("signalled", System.currentTimeMillis());
            boolean sent = kill ? process.destroyForcibly() : process.destroy();
            if (!sent) {
                throw new WatchSupport.WatchFailed("could not signal " + pid);
            }
            while (!marks.containsKey("recovered") || !marks.containsKey("sink_group_stable")) {
                sleep(50);
                if (!marks.containsKey("recovered")) {
                    JsonNode all = getJson(rest + "/connectors?expand=status");
                    if (all != null && runningElsewhere(all, worker)) {
                        marks.put("recovered", System.currentTimeMillis());
                        marks.put("placement", perWorker(all));
                    }
                }
                if (!marks.containsKey("sink_group_stable") && stableWithout(admin, group, sinkTasks, victimMembers)) {
                    marks.put("sink_group_stable", System.currentTimeMillis());
                }
            }
        }
        report();
    }

    /** The consumer group member ids of the sink tasks that run on the worker about to go. */
    private static Set<String> victimSinkMembers(Admin admin, String group, String sink, JsonNode sinkStatus,
                                                 String worker) throws Exception {
        Set<String> clientIds = new HashSet<>();
        for (JsonNode task : sinkStatus.path("status").path("tasks")) {
            if (task.path("worker_id").asText().equals(worker)) {
                clientIds.add("connector-consumer-" + sink + "-" + task.path("id").asInt());
            }
        }
        return describe(admin, group).members().stream().filter(m -> clientIds.contains(m.clientId()))
                .map(MemberDescription::consumerId).collect(Collectors.toSet());
    }

    /**
     * Whether the sink's group finished rebalancing without the departed worker's consumers: only then
     * do the sink's tasks consume again (until then a RUNNING task holds no partitions).
     */
    private static boolean stableWithout(Admin admin, String group, int members, Set<String> gone) throws Exception {
        ConsumerGroupDescription description = describe(admin, group);
        return description.groupState() == GroupState.STABLE && description.members().size() == members
                && description.members().stream().noneMatch(m -> gone.contains(m.consumerId()));
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    }

    private static void create(String rest, Path connectorJson) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rest + "/connectors"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofFile(connectorJson)).build();
        HttpResponse<String> response = WatchSupport.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new WatchSupport.WatchFailed("POST /connectors answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Whether the connector and as many tasks as expected are RUNNING; fails on FAILED. */
    private static boolean allRunning(String statusUrl, int tasks) throws Exception {
        JsonNode status = getJson(statusUrl);
        if (status == null) {
            return false;
        }
        failOnFailed(status);
        if (!status.path("connector").path("state").asText().equals("RUNNING") || status.path("tasks").size() != tasks) {
            return false;
        }
        for (JsonNode task : status.path("tasks")) {
            if (!task.path("state").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    /** Every connector and task of an {@code expand=status} answer RUNNING, none on the given worker. */
    private static boolean runningElsewhere(JsonNode all, String gone) {
        if (all.size() == 0) {
            return false;
        }
        for (JsonNode connector : all) {
            JsonNode status = connector.path("status");
            failOnFailed(status);
            if (!runningOn(status.path("connector"), gone) || status.path("tasks").size() == 0) {
                return false;
            }
            for (JsonNode task : status.path("tasks")) {
                if (!runningOn(task, gone)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean runningOn(JsonNode state, String gone) {
        return state.path("state").asText().equals("RUNNING") && !state.path("worker_id").asText().equals(gone);
    }

    private static void failOnFailed(JsonNode status) {
        if (status.toString().contains("\"FAILED\"")) {
            throw new WatchSupport.WatchFailed("a connector or task failed: " + status);
        }
    }

    private static int tasks(JsonNode all) {
        int tasks = 0;
        for (JsonNode connector : all) {
            tasks += connector.path("status").path("tasks").size();
        }
        return tasks;
    }

    /** worker id → RUNNING tasks on it. */
    private static Map<String, Integer> perWorker(JsonNode all) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode connector : all) {
            for (JsonNode task : connector.path("status").path("tasks")) {
                if (task.path("state").asText().equals("RUNNING")) {
                    counts.merge(task.path("worker_id").asText(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static int connectorsOn(JsonNode all, String worker) {
        int count = 0;
        for (JsonNode connector : all) {
            count += connector.path("status").path("connector").path("worker_id").asText().equals(worker) ? 1 : 0;
        }
        return count;
    }

    private static String placement(String rest) throws Exception {
        JsonNode all = getJson(rest + "/connectors?expand=status");
        return all == null ? "?" : perWorker(all).toString().replace(" ", "");
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = WatchSupport.get(url);
        return response != null && response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static long committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().mapToLong(o -> o == null ? 0 : o.offset()).sum();
    }

    private void sleep(long millis) throws InterruptedException {
        if (System.currentTimeMillis() > deadline) {
            throw new WatchSupport.WatchFailed("timed out; reached " + marks.keySet());
        }
        Thread.sleep(millis);
    }

    private void report() {
        marks.forEach((key, value) -> System.out.println(key + "=" + value));
    }
}
