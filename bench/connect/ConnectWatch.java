import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * The measuring side of bench/connect-standalone.sh: prepares topics and watches a Connect worker
 * from outside, with Kafka's clients and plain HTTP only, so it treats every runtime alike.
 *
 * <pre>
 * ConnectWatch fill   BOOTSTRAP TOPIC FILE                     a new topic holding FILE's lines as
 *                                                               JsonConverter (schemas on) writes them
 * ConnectWatch warm   BOOTSTRAP TOPIC FILE                     fill, then read it all in a consumer group
 *                                                               (warms the broker, creates __consumer_offsets)
 * ConnectWatch source BOOTSTRAP TOPIC N REST NAME TIMEOUT_S    creates TOPIC, then watches
 * ConnectWatch sink   FILE N REST NAME TIMEOUT_S               watches FILE
 * </pre>
 *
 * A watcher prints {@code watching} once set up, then polls every 10 ms: REST {@code GET /} until it
 * answers 200, {@code GET /connectors/NAME/status} until task 0 is RUNNING, then the topic's end
 * offsets (source) or the file's line count (sink) until they reach N. It ends by printing
 * {@code key=epoch-millis} lines: rest_ready, task_running, first (first record seen), done, and for
 * a source the CreateTime of the topic's first and last record. Exit 1 with a message on stderr
 * when the task fails or the timeout passes.
 */
public final class ConnectWatch {
    private static final long POLL_MS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> marks = new HashMap<>();
    private final long deadline;

    private ConnectWatch(long timeoutSeconds) {
        this.deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
    }

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "fill" -> fill(args[1], args[2], Path.of(args[3]));
                case "warm" -> warm(args[1], args[2], Path.of(args[3]));
                case "source" -> new ConnectWatch(Long.parseLong(args[6]))
                        .watchSource(args[1], args[2], Long.parseLong(args[3]), args[4], args[5]);
                case "sink" -> new ConnectWatch(Long.parseLong(args[5]))
                        .watchSink(Path.of(args[1]), Long.parseLong(args[2]), args[3], args[4]);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (WatchSupport.WatchFailed e) {
            System.err.println("ConnectWatch: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Properties clientProps(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    private static void createTopic(Admin admin, String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    /** A new one-partition topic holding each line of the file as FileStreamSource would write it. */
    private static long fill(String bootstrap, String topic, Path file) throws Exception {
        try (Admin admin = Admin.create(clientProps(bootstrap))) {
            createTopic(admin, topic);
        }
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        Properties props = clientProps(bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        long count = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
             BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                producer.send(new ProducerRecord<>(topic, converter.fromConnectData(topic, Schema.STRING_SCHEMA, line)));
                count++;
            }
            producer.flush();
        }
        System.out.println("records=" + count);
        return count;
    }

    /** Untimed: a first produce and group fetch, so that no measured run pays for the broker's start. */
    private static void warm(String bootstrap, String topic, Path file) throws Exception {
        long records = fill(bootstrap, topic, file);
        Properties props = clientProps(bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-warm");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (long read = 0; read < records; ) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            consumer.commitSync();
        }
    }

    private void watchSource(String bootstrap, String topic, long n, String rest, String name) throws Exception {
        try (Admin admin = Admin.create(clientProps(bootstrap))) {
            createTopic(admin, topic);
            TopicPartition partition = new TopicPartition(topic, 0);
            WatchSupport.endOffsets(admin, List.of(partition));
            ready();
            awaitRest(rest, name);
            long records;
            do {
                sleepUntilNextPoll();
                records = WatchSupport.endOffsets(admin, List.of(partition));
                if (records > 0) {
                    marks.putIfAbsent("first", System.currentTimeMillis());
                }
            } while (records < n);
            marks.put("done", System.currentTimeMillis());
            recordCreateTimes(bootstrap, partition, records);
        }
        report();
    }

    private void watchSink(Path file, long n, String rest, String name) throws Exception {
        ready();
        awaitRest(rest, name);
        WatchSupport.LineCounter counter = new WatchSupport.LineCounter(file);
        for (long lines = 0; lines < n; ) {
            sleepUntilNextPoll();
            lines = counter.count();
            if (lines > 0) {
                marks.putIfAbsent("first", System.currentTimeMillis());
            }
        }
        marks.put("done", System.currentTimeMillis());
        report();
    }

    private static void ready() {
        System.out.println("watching");
        System.out.flush();
    }

    /** Marks rest_ready (GET / answers 200) and task_running (task 0 of the connector RUNNING). */
    private void awaitRest(String rest, String name) throws Exception {
        while (status(rest + "/") != 200) {
            sleepUntilNextPoll();
        }
        marks.put("rest_ready", System.currentTimeMillis());
        while (true) {
            HttpResponse<String> response = WatchSupport.get(rest + "/connectors/" + name + "/status");
            if (response != null && response.statusCode() == 200) {
                JsonNode status = JSON.readTree(response.body());
                String task = status.path("tasks").path(0).path("state").asText("");
                if (task.equals("RUNNING")) {
                    marks.put("task_running", System.currentTimeMillis());
                    return;
                }
                if (task.equals("FAILED") || status.path("connector").path("state").asText("").equals("FAILED")) {
                    throw new WatchSupport.WatchFailed("connector " + name + " failed: " + response.body());
                }
            }
            sleepUntilNextPoll();
        }
    }

    private static int status(String url) throws Exception {
        HttpResponse<String> response = WatchSupport.get(url);
        return response == null ? -1 : response.statusCode();
    }

    /** CreateTime of the first and last record: the producer stamped them when the worker sent them. */
    private void recordCreateTimes(String bootstrap, TopicPartition partition, long end) {
        Properties props = clientProps(bootstrap);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            marks.put("first_record", timestampAt(consumer, partition, 0));
            marks.put("last_record", timestampAt(consumer, partition, end - 1));
        }
    }

    private static long timestampAt(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long offset) {
        consumer.seek(partition, offset);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (records.isEmpty()) {
            consumer.poll(Duration.ofMillis(500)).records(partition).forEach(records::add);
        }
        return records.get(0).timestamp();
    }

    private void sleepUntilNextPoll() throws InterruptedException {
        if (System.currentTimeMillis() > deadline) {
            throw new WatchSupport.WatchFailed("timed out; reached " + marks.keySet());
        }
        Thread.sleep(POLL_MS);
    }

    private void report() {
        marks.forEach((key, millis) -> System.out.println(key + "=" + millis));
    }

}
