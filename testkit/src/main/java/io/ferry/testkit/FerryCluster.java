package io.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster for integration tests: 1..N KRaft brokers started in this JVM on free ports, or
 * an outside cluster when {@value ExternalClusterSettings#BOOTSTRAP_ENV} is set. Closing it stops
 * what it started and deletes its data.
 *
 * <pre>{@code
 * try (FerryCluster cluster = FerryCluster.builder().brokers(3).start()) {
 *     cluster.createTopic("orders", 6);
 *     cluster.produce("orders", "k", "v");
 *     List<ConsumerRecord<String, String>> records = cluster.consume("orders", 1, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Helpers are thread-safe; the shared {@link #admin()} is closed with the cluster.
 */
public final class FerryCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FerryCluster.class);
    private static final AtomicInteger TOPIC_SEQUENCE = new AtomicInteger();

    private final BrokerBackend brokers;
    private final Admin admin;
    private final RecordClient records;
    private final List<ClusterComponent> components = new ArrayList<>();

    private FerryCluster(BrokerBackend brokers) {
        this.brokers = brokers;
        this.admin = Admin.create(clientConfig());
        this.records = new RecordClient(this::clientConfig);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Comma-separated {@code host:port} of every broker. */
    public String bootstrapServers() {
        return brokers.bootstrapServers();
    }

    /** {@code bootstrap.servers} and any security settings; a fresh, mutable map. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(brokers.clientConfig());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    public int brokerCount() {
        return brokers.brokerCount();
    }

    /** Whether this cluster is an outside one that the test cannot stop or restart. */
    public boolean isExternal() {
        return brokers.isExternal();
    }

    /** An admin client shared by the test; do not close it. */
    public Admin admin() {
        return admin;
    }

    /** A topic name no other test of this run uses, also on a shared outside cluster. */
    public String uniqueTopicName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + TOPIC_SEQUENCE.incrementAndGet();
    }

    /** Creates a topic with replication factor min(3, brokers) and waits until it exists. */
    public void createTopic(String name, int partitions) {
        createTopic(new NewTopic(name, partitions, (short) Math.min(3, brokerCount())));
    }

    /** Creates a compacted topic ({@code cleanup.policy=compact}). */
    public void createCompactedTopic(String name, int partitions) {
        createTopic(new NewTopic(name, partitions, (short) Math.min(3, brokerCount()))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /** Creates a topic as described and waits until every broker knows it. */
    public void createTopic(NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw new IllegalStateException("topic " + topic.name() + " already exists", e.getCause());
            }
            throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e, e);
        }
    }

    /** Sends one record with string key and value and waits for the acknowledgement. */
    public RecordMetadata produce(String topic, String key, String value) {
        return produce(new ProducerRecord<>(topic, key, value)).get(0);
    }

    /** Sends records in order, waits for every acknowledgement, and returns them in order. */
    @SafeVarargs
    public final List<RecordMetadata> produce(ProducerRecord<String, String>... toSend) {
        return records.produce(List.of(toSend));
    }

    public List<RecordMetadata> produce(List<ProducerRecord<String, String>> toSend) {
        return records.produce(toSend);
    }

    /**
     * Reads the topic from the beginning of every partition until {@code count} records arrived or
     * the timeout passed; returns what arrived (fewer than {@code count} on timeout).
     */
    public List<ConsumerRecord<String, String>> consume(String topic, int count, Duration timeout) {
        return records.consume(topic, count, timeout);
    }

    /** How many records the topic holds: the sum of its partitions' end offsets; 0 while it does not exist. */
    public long recordCount(String topic) {
        try {
            if (!admin().listTopics().names().get().contains(topic)) {
                return 0;
            }
            var partitions = admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            return admin().listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the records of " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot count the records of " + topic, e.getCause());
        }
    }

    /** Reads every record the topic holds now, from the beginning to the current end offsets. */
    public List<ConsumerRecord<String, String>> consumeAll(String topic, Duration timeout) {
        return records.consumeAll(topic, timeout);
    }

    /** A new producer on this cluster; the caller closes it. */
    public <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values, Map<String, Object> overrides) {
        Map<String, Object> config = clientConfig();
        config.putAll(overrides);
        return new KafkaProducer<>(config, keys, values);
    }

    /** A new consumer on this cluster; the caller closes it. */
    public <K, V> KafkaConsumer<K, V> consumer(Deserializer<K> keys, Deserializer<V> values, Map<String, Object> overrides) {
        Map<String, Object> config = clientConfig();
        config.putAll(overrides);
        return new KafkaConsumer<>(config, keys, values);
    }

    /** Stops one in-process broker with a controlled shutdown. Node 1 is also the controller. */
    public void stopBroker(int nodeId) {
        brokers.stopBroker(nodeId);
    }

    /** Starts a stopped in-process broker again on its port and data. */
    public void startBroker(int nodeId) {
        brokers.startBroker(nodeId);
    }

    private void startComponents(List<ClusterComponent> toStart) throws Exception {
        for (ClusterComponent component : toStart) {
            component.start(this);
            components.add(component);
        }
    }

    @Override
    public void close() {
        List<ClusterComponent> reversed = new ArrayList<>(components);
        java.util.Collections.reverse(reversed);
        for (ClusterComponent component : reversed) {
            try {
                component.close();
            } catch (Exception e) {
                log.warn("Closing {} failed", component, e);
            }
        }
        records.close();
        admin.close(Duration.ofSeconds(5));
        brokers.close();
    }

    /** Builder for {@link FerryCluster}. */
    public static final class Builder {
        private int brokerCount = 1;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private final List<ClusterComponent> components = new ArrayList<>();
        private Path dataDir;
        private Duration startTimeout = Duration.ofSeconds(60);
        private Optional<ExternalClusterSettings> external = ExternalClusterSettings.fromEnvironment();

        private Builder() {
        }

        /** How many brokers to start (in-process), or to require (outside cluster). Default 1. */
        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a cluster needs at least one broker, not " + count);
            }
            this.brokerCount = count;
            return this;
        }

        /** A broker setting for in-process brokers; ignored for an outside cluster. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /** Where in-process brokers keep their data; kept after close. Default: a temporary directory, deleted on close. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Always start in-process brokers, even when the environment names an outside cluster. */
        public Builder inProcess() {
            this.external = Optional.empty();
            return this;
        }

        /** Attaches to the outside cluster described, whatever the environment says. */
        public Builder attachTo(ExternalClusterSettings settings) {
            this.external = Optional.of(settings);
            return this;
        }

        /** Adds a component started after the brokers, in the order added. */
        public Builder component(ClusterComponent component) {
            components.add(component);
            return this;
        }

        /** Starts the brokers (or attaches) and then the components. */
        public FerryCluster start() {
            long started = System.nanoTime();
            BrokerBackend backend = external
                    .<BrokerBackend>map(settings -> ExternalBrokers.attach(settings, brokerCount, startTimeout))
                    .orElseGet(this::startInProcess);
            FerryCluster cluster = new FerryCluster(backend);
            try {
                cluster.startComponents(components);
            } catch (Exception e) {
                cluster.close();
                throw new IllegalStateException("a cluster component failed to start: " + e.getMessage(), e);
            }
            log.info("FerryCluster with {} broker(s) at {} ready in {} ms", cluster.brokerCount(), cluster.bootstrapServers(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return cluster;
        }

        private BrokerBackend startInProcess() {
            boolean temporary = dataDir == null;
            Path dir;
            try {
                dir = temporary ? Files.createTempDirectory("ferry-cluster-") : dataDir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory for the brokers", e);
            }
            return EmbeddedBrokers.start(brokerCount, brokerProperties, dir, temporary, startTimeout);
        }
    }
}
