package io.ferry.kafka.support.tailer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.kafka.support.admin.TopicProvisioner;
import io.ferry.kafka.support.admin.TopicRequirements;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic from the beginning into a {@link RecordHandler}, then follows it; writes
 * to it and lets a writer wait until its own record has been applied.
 *
 * <p>Lifecycle: {@link #start} checks (or creates) the topic, then blocks until every record it
 * held has been applied. {@link #close} stops the reader and fails whatever still waits.
 *
 * <p>Threading: one thread ({@code ferry-tailer-<topic>}) owns the consumer and calls the handler.
 * Every other method is safe to call from any thread. Futures returned by {@link #readToEnd} and
 * {@link #sendAndAwait} complete on the tailer thread: wait on them with {@code get}, or attach
 * work with the {@code *Async} methods, never with blocking non-async stages.
 */
public final class CompactedTopicTailer<K, V> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CompactedTopicTailer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(5);
    private static final long ERROR_BACKOFF_MS = 500;

    private final Settings<K, V> settings;
    private final PositionWaiters waiters = new PositionWaiters();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> readToEndRequests = new ConcurrentLinkedQueue<>();

    private volatile List<TopicPartition> partitions = List.of();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean stopping;
    private KafkaProducer<byte[], byte[]> producer;
    private Thread thread;

    private CompactedTopicTailer(Settings<K, V> settings) {
        this.settings = settings;
    }

    /**
     * Starts describing a tailer of the topic the requirements name.
     *
     * @param topic  the topic and how it must look (created if missing, when allowed)
     * @param keys   key (de)serializer
     * @param values value (de)serializer; a null value is a tombstone and is never passed to it
     */
    public static <K, V> Builder<K, V> builder(TopicRequirements topic, Serde<K> keys, Serde<V> values) {
        return new Builder<>(topic, keys, values);
    }

    public String topic() {
        return settings.topic.topic();
    }

    /**
     * Ensures the topic, starts the reader and returns once every record the topic held has been
     * applied.
     *
     * @throws io.ferry.kafka.support.admin.TopicMisconfiguredException when the topic exists with
     *         the wrong cleanup policy or partition count
     * @throws io.ferry.kafka.support.admin.TopicSetupException when it cannot be found or created
     * @throws TailerException when the topic cannot be read to its end within {@code timeout}
     */
    public synchronized void start(Duration timeout) {
        if (thread != null) {
            throw new IllegalStateException("the tailer of " + topic() + " was already started");
        }
        try (Admin admin = Admin.create(settings.adminConfig())) {
            partitions = new TopicProvisioner(admin, timeout).ensure(settings.topic);
        }
        if (!settings.readOnly) {
            producer = new KafkaProducer<>(settings.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
        }
        thread = new Thread(this::run, "ferry-tailer-" + topic());
        thread.setDaemon(true);
        thread.start();
        try {
            readToEnd().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new TailerException("could not read topic '" + topic() + "' to its end within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            close();
            throw new TailerException("could not read topic '" + topic() + "' to its end: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new TailerException("interrupted while reading topic '" + topic() + "'", e);
        }
        log.info("Tailer of {} caught up at {}", topic(), waiters.positions());
    }

    /**
     * A future completed once every record written to the topic before this call (and committed,
     * under {@code read_committed}) has been applied by the handler.
     */
    public CompletableFuture<Void> readToEnd() {
        CompletableFuture<Void> request = new CompletableFuture<>();
        if (stopping || thread == null) {
            request.completeExceptionally(new TailerException("the tailer of " + topic() + " is not running"));
            return request;
        }
        readToEndRequests.add(request);
        wakeUp();
        return request;
    }

    /** Writes a record; the future completes when Kafka acknowledged it ({@code acks=all}). */
    public CompletableFuture<RecordMetadata> send(K key, V value) {
        KafkaProducer<byte[], byte[]> sender = requireProducer();
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            byte[] keyBytes = settings.keys.serializer().serialize(topic(), key);
            byte[] valueBytes = value == null ? null : settings.values.serializer().serialize(topic(), value);
            sender.send(new ProducerRecord<>(topic(), keyBytes, valueBytes), (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /**
     * Writes a record and completes once this tailer's handler has applied it: a caller that then
     * reads the state the handler maintains sees its own write.
     */
    public CompletableFuture<RecordMetadata> sendAndAwait(K key, V value) {
        CompletableFuture<RecordMetadata> applied = new CompletableFuture<>();
        send(key, value).whenComplete((metadata, error) -> {
            if (error != null) {
                applied.completeExceptionally(error);
                return;
            }
            waiters.awaitApplied(metadata.partition(), metadata.offset()).whenComplete((ignored, waitError) -> {
                if (waitError != null) {
                    applied.completeExceptionally(waitError);
                } else {
                    applied.complete(metadata);
                }
            });
        });
        return applied;
    }

    /**
     * A future completed once the handler has applied the record at {@code offset} of
     * {@code partition} — for writers that produce with their own producer (a transactional one)
     * and then wait for this reader, as {@link #sendAndAwait} does for its own writes.
     */
    public CompletableFuture<Void> awaitApplied(int partition, long offset) {
        return waiters.awaitApplied(partition, offset);
    }

    /** The next offset to apply, per partition, as far as the handler has got. */
    public Map<Integer, Long> positions() {
        return waiters.positions();
    }

    private KafkaProducer<byte[], byte[]> requireProducer() {
        if (settings.readOnly) {
            throw new IllegalStateException("the tailer of " + topic() + " is read-only");
        }
        KafkaProducer<byte[], byte[]> sender = producer;
        if (sender == null || stopping) {
            throw new IllegalStateException("the tailer of " + topic() + " is not running");
        }
        return sender;
    }

    private void wakeUp() {
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        List<PendingReadToEnd> pending = new ArrayList<>();
        Throwable failure = null;
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(settings.consumerConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            consumer = reader;
            while (!stopping) {
                try {
                    if (acceptReadToEndRequests(reader, pending)) {
                        // Often the end is already reached: answer now rather than after a poll that finds nothing.
                        publishPositions(reader);
                        completeReached(pending);
                    }
                    ConsumerRecords<byte[], byte[]> batch = reader.poll(POLL_TIMEOUT);
                    apply(batch);
                    publishPositions(reader);
                    completeReached(pending);
                } catch (WakeupException e) {
                    // A new request or close(); the loop looks at both.
                } catch (KafkaException e) {
                    log.warn("Reading topic {} failed; retrying: {}", topic(), e.getMessage());
                    pending.forEach(p -> p.future.completeExceptionally(e));
                    pending.clear();
                    pause();
                }
            }
        } catch (Throwable t) {
            failure = t;
            log.error("The tailer of topic {} stopped on an unexpected error", topic(), t);
        } finally {
            consumer = null;
            TailerException closed = new TailerException("the tailer of " + topic() + " stopped", failure);
            waiters.close(closed);
            pending.forEach(p -> p.future.completeExceptionally(closed));
            CompletableFuture<Void> request;
            while ((request = readToEndRequests.poll()) != null) {
                request.completeExceptionally(closed);
            }
        }
    }

    /** @return whether requests were taken */
    private boolean acceptReadToEndRequests(KafkaConsumer<byte[], byte[]> reader, List<PendingReadToEnd> pending) {
        if (readToEndRequests.isEmpty()) {
            return false;
        }
        List<CompletableFuture<Void>> taken = new ArrayList<>();
        CompletableFuture<Void> request;
        while ((request = readToEndRequests.poll()) != null) {
            taken.add(request);
        }
        Map<TopicPartition, Long> endOffsets;
        try {
            endOffsets = reader.endOffsets(partitions);
        } catch (WakeupException e) {
            readToEndRequests.addAll(taken);
            throw e;
        }
        for (CompletableFuture<Void> future : taken) {
            pending.add(new PendingReadToEnd(future, endOffsets));
        }
        return true;
    }

    private void apply(ConsumerRecords<byte[], byte[]> batch) {
        for (ConsumerRecord<byte[], byte[]> raw : batch) {
            TailedRecord<K, V> record;
            try {
                K key = raw.key() == null ? null : settings.keys.deserializer().deserialize(raw.topic(), raw.headers(), raw.key());
                V value = raw.value() == null ? null : settings.values.deserializer().deserialize(raw.topic(), raw.headers(), raw.value());
                record = new TailedRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(), key, value, raw.headers());
            } catch (RuntimeException e) {
                log.error("Skipping record {}-{}@{}: it cannot be deserialized: {}", raw.topic(), raw.partition(), raw.offset(), e.getMessage(), e);
                continue;
            }
            try {
                settings.handler.onRecord(record);
            } catch (Exception e) {
                log.error("Skipping record {}-{}@{}: the handler failed: {}", raw.topic(), raw.partition(), raw.offset(), e.getMessage(), e);
            }
        }
    }

    private void publishPositions(KafkaConsumer<byte[], byte[]> reader) {
        for (TopicPartition partition : partitions) {
            try {
                waiters.advance(partition.partition(), reader.position(partition, POSITION_TIMEOUT));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.debug("Position of {} not known yet", partition);
            }
        }
    }

    private void completeReached(List<PendingReadToEnd> pending) {
        if (pending.isEmpty()) {
            return;
        }
        Map<Integer, Long> applied = waiters.positions();
        pending.removeIf(request -> {
            for (Map.Entry<TopicPartition, Long> end : request.endOffsets.entrySet()) {
                if (applied.getOrDefault(end.getKey().partition(), 0L) < end.getValue()) {
                    return false;
                }
            }
            request.future.complete(null);
            return true;
        });
    }

    private void pause() {
        try {
            Thread.sleep(ERROR_BACKOFF_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /**
     * Flushes what was sent, stops the reader and fails whatever still waits. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        stopping = true;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waiters.close(new TailerException("the tailer of " + topic() + " is closed"));
    }

    private record PendingReadToEnd(CompletableFuture<Void> future, Map<TopicPartition, Long> endOffsets) {
    }

    /** Everything a tailer is built from. */
    private record Settings<K, V>(
            TopicRequirements topic,
            Serde<K> keys,
            Serde<V> values,
            RecordHandler<K, V> handler,
            Map<String, Object> clientConfig,
            Map<String, Object> consumerOverrides,
            Map<String, Object> producerOverrides,
            String clientId,
            boolean readOnly) {

        Map<String, Object> adminConfig() {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put("client.id", clientId + "-admin");
            return config;
        }

        Map<String, Object> consumerConfig() {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader");
            config.putAll(consumerOverrides);
            config.remove(ConsumerConfig.GROUP_ID_CONFIG); // partitions are assigned, never subscribed
            return config;
        }

        Map<String, Object> producerConfig() {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-writer");
            config.putAll(producerOverrides);
            return config;
        }
    }

    /** Builder for {@link CompactedTopicTailer}. */
    public static final class Builder<K, V> {
        private final TopicRequirements topic;
        private final Serde<K> keys;
        private final Serde<V> values;
        private RecordHandler<K, V> handler;
        private final Map<String, Object> clientConfig = new HashMap<>();
        private final Map<String, Object> consumerOverrides = new HashMap<>();
        private final Map<String, Object> producerOverrides = new HashMap<>();
        private String clientId;
        private boolean readOnly;

        private Builder(TopicRequirements topic, Serde<K> keys, Serde<V> values) {
            this.topic = Objects.requireNonNull(topic, "topic");
            this.keys = Objects.requireNonNull(keys, "keys");
            this.values = Objects.requireNonNull(values, "values");
            this.clientId = "ferry-tailer-" + topic.topic();
        }

        /** Settings every client gets: {@code bootstrap.servers}, security. */
        public Builder<K, V> clientConfig(Map<String, ?> config) {
            clientConfig.putAll(config);
            return this;
        }

        public Builder<K, V> consumerOverride(String key, Object value) {
            consumerOverrides.put(key, value);
            return this;
        }

        public Builder<K, V> producerOverride(String key, Object value) {
            producerOverrides.put(key, value);
            return this;
        }

        /** Prefix of the clients' {@code client.id}. */
        public Builder<K, V> clientId(String id) {
            this.clientId = id;
            return this;
        }

        public Builder<K, V> handler(RecordHandler<K, V> recordHandler) {
            this.handler = recordHandler;
            return this;
        }

        /** No producer: the tailer only reads. */
        public Builder<K, V> readOnly() {
            this.readOnly = true;
            return this;
        }

        public CompactedTopicTailer<K, V> build() {
            if (handler == null) {
                throw new IllegalStateException("a tailer of " + topic.topic() + " needs a record handler");
            }
            if (!clientConfig.containsKey("bootstrap.servers")) {
                throw new IllegalStateException("a tailer of " + topic.topic() + " needs bootstrap.servers in its client config");
            }
            return new CompactedTopicTailer<>(new Settings<>(topic, keys, values, handler, Map.copyOf(clientConfig),
                    Map.copyOf(consumerOverrides), Map.copyOf(producerOverrides), clientId, readOnly));
        }
    }
}
