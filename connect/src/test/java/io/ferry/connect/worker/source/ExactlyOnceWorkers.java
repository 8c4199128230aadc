package io.ferry.connect.worker.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.connect.config.ConfigProviders;
import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.metrics.ConnectMetrics;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.storage.kafka.KafkaOffsetStore;
import io.ferry.connect.testplugins.NumberedSourceTask;
import io.ferry.connect.worker.ExactlyOnceSources;
import io.ferry.connect.worker.Worker;
import io.ferry.connect.worker.task.TaskStatusListener;
import io.ferry.testkit.FerryCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;

/** Workers with exactly-once sources on the test cluster, sharing one offsets topic, and what a read_committed reader sees. */
final class ExactlyOnceWorkers implements AutoCloseable {
    static final Plugins PLUGINS = Plugins.onClasspath();

    private final FerryCluster cluster;
    private final String group;
    private final String offsetsTopic;
    private final List<Worker> workers = new ArrayList<>();
    final Map<TaskId, Throwable> failures = new ConcurrentHashMap<>();
    /** Tasks that reported they shut down (UNASSIGNED), in order. */
    final List<TaskId> shutdowns = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, ConnectMetrics> metrics = new ConcurrentHashMap<>();

    ExactlyOnceWorkers(FerryCluster cluster) {
        this.cluster = cluster;
        this.group = cluster.uniqueTopicName("eos-group");
        this.offsetsTopic = cluster.uniqueTopicName("eos-offsets");
    }

    DistributedWorkerConfig config() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", cluster.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("group.id", group);
        props.put("config.storage.topic", group + "-configs");
        props.put("offset.storage.topic", offsetsTopic);
        props.put("offset.storage.partitions", "5");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.topic", group + "-status");
        props.put("offset.flush.interval.ms", "500");
        props.put("exactly.once.source.support", "enabled");
        return new DistributedWorkerConfig(props);
    }

    /** A started worker whose offset store reads the shared offsets topic. */
    Worker startWorker(String name) {
        return startWorker(name, id -> { });
    }

    /** The same, with the herder's check of whether a task may still start. */
    Worker startWorker(String name, ExactlyOnceSources.StartCheck check) {
        DistributedWorkerConfig config = config();
        KafkaOffsetStore store = new KafkaOffsetStore(KafkaOffsetStore.Settings.from(config));
        ConnectMetrics workerMetrics = new ConnectMetrics(name, config.originals(), Time.SYSTEM);
        metrics.put(name, workerMetrics);
        Worker worker = new Worker(new Worker.Settings(name, config, PLUGINS, workerMetrics,
                store, ConfigProviders.none(), (connector, topic) -> { }, Time.SYSTEM, ExactlyOnceSources.from(config).withStartCheck(check)));
        worker.start();
        workers.add(worker);
        return worker;
    }

    static Map<String, String> connector(String topic, String... settings) {
        Map<String, String> config = new HashMap<>();
        config.put("name", "numbers");
        config.put("connector.class", "io.ferry.connect.testplugins.NumberedSourceConnector");
        config.put("tasks.max", "1");
        config.put("topic", topic);
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        return config;
    }

    void startTask(Worker worker, Map<String, String> connector) {
        Map<String, String> task = new HashMap<>(connector);
        task.put("task.class", NumberedSourceTask.class.getName());
        task.put("task.number", "0");
        worker.startTask(new TaskId("numbers", 0), connector, task, listener(), TargetState.STARTED);
    }

    private TaskStatusListener listener() {
        return new TaskStatusListener() {
            @Override
            public void onStartup(TaskId task) {
            }

            @Override
            public void onPause(TaskId task) {
            }

            @Override
            public void onResume(TaskId task) {
            }

            @Override
            public void onFailure(TaskId task, Throwable cause) {
                failures.put(task, cause);
            }

            @Override
            public void onShutdown(TaskId task) {
                shutdowns.add(task);
            }
        };
    }

    /** The values of every committed record of the topic, read as a read_committed consumer reads them. */
    List<String> committedValues(String topic) {
        Map<String, Object> overrides = Map.of("isolation.level", "read_committed", "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = cluster.consumer(new StringDeserializer(), new StringDeserializer(), overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    /** A metric of task numbers-0 in the source-task-metrics group of a worker, or null when it is not registered. */
    Object sourceTaskMetric(String worker, String name) {
        var metric = metrics.get(worker).registry().metric(new org.apache.kafka.common.MetricName(name, "source-task-metrics", "",
                Map.of("connector", "numbers", "task", "0")));
        return metric == null ? null : metric.metricValue();
    }

    String offsetsTopic() {
        return offsetsTopic;
    }

    String group() {
        return group;
    }

    @Override
    public void close() {
        for (Worker worker : workers) {
            worker.close();
        }
        metrics.values().forEach(ConnectMetrics::close);
    }
}
