package io.ferry.connect.storage.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.storage.MemoryOffsetStore;
import io.ferry.connect.storage.OffsetCodec;
import io.ferry.connect.storage.OffsetTopic;
import io.ferry.kafka.support.admin.TopicRequirements;
import io.ferry.kafka.support.tailer.CompactedTopicTailer;
import io.ferry.kafka.support.tailer.TailedRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Source offsets in the distributed worker's compacted topic ({@code offset.storage.topic}), in
 * {@link OffsetCodec}'s bytes — Apache Kafka Connect's format, so a topic Apache's workers wrote is
 * read as it is, and the other way round.
 *
 * <p>The store reads the whole topic at {@link #start()} ({@code read_committed}: records of aborted
 * or still open transactions are never seen) and then follows it, so writes by other workers and by
 * exactly-once tasks' transactional producers reach {@link #get} and {@link #all}. {@link #set}
 * returns only once this store has read its own records back. Thread-safe.
 */
public final class KafkaOffsetStore implements OffsetTopic {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Where and how the store keeps its topic.
     *
     * @param topic             the offsets topic
     * @param partitions        partitions of the topic when it is created; -1 for the broker's default
     * @param replicationFactor replication factor of the topic when it is created; -1 for the broker's default
     * @param clientConfig      what every client of the store gets ({@code bootstrap.servers}, security)
     * @param clientId          prefix of the clients' {@code client.id}
     * @param writeTimeout      how long {@link #set} waits for its records to be written and read back
     */
    public record Settings(String topic, int partitions, short replicationFactor, Map<String, Object> clientConfig,
            String clientId, Duration writeTimeout) {

        public Settings {
            Objects.requireNonNull(topic, "topic");
            clientConfig = Map.copyOf(clientConfig);
            if (partitions < 1 && partitions != -1) {
                throw new IllegalArgumentException("partitions must be at least 1, or -1 for the broker's default, not " + partitions);
            }
        }

        /** The settings a distributed worker's config gives. */
        public static Settings from(DistributedWorkerConfig config) {
            return new Settings(config.getString(DistributedWorkerConfig.OFFSET_TOPIC),
                    config.getInt(DistributedWorkerConfig.OFFSET_TOPIC_PARTITIONS),
                    config.getShort(DistributedWorkerConfig.OFFSET_TOPIC_REPLICATION_FACTOR), config.clientConfig(),
                    "connect-" + config.groupId() + "-offsets",
                    Duration.ofMillis(Math.max(1, config.getLong(WorkerConfig.OFFSET_FLUSH_TIMEOUT_MS))));
        }
    }

    private final Settings settings;
    /** What the topic holds, as far as the reader has got. */
    private final MemoryOffsetStore offsets = new MemoryOffsetStore();
    private volatile CompactedTopicTailer<byte[], byte[]> tailer;

    public KafkaOffsetStore(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String topic() {
        return settings.topic();
    }

    /**
     * Makes sure the topic exists and is compacted, then reads it to its end.
     *
     * @throws io.ferry.kafka.support.admin.TopicMisconfiguredException when the topic is not compacted
     * @throws io.ferry.kafka.support.admin.TopicSetupException when it cannot be found or created
     */
    @Override
    public synchronized void start() {
        if (tailer != null) {
            throw new IllegalStateException("the offset store of " + topic() + " was already started");
        }
        int partitions = settings.partitions() == -1
                ? BrokerDefaults.partitions(settings.clientConfig(), START_TIMEOUT) : settings.partitions();
        TopicRequirements requirements = TopicRequirements.compacted(settings.topic())
                .purpose("the source connector offsets (" + DistributedWorkerConfig.OFFSET_TOPIC + ")")
                .partitionsForCreation(partitions)
                .replicationFactor(settings.replicationFactor())
                .build();
        CompactedTopicTailer<byte[], byte[]> started = CompactedTopicTailer.builder(requirements, Serdes.ByteArray(), Serdes.ByteArray())
                .clientConfig(settings.clientConfig())
                .clientId(settings.clientId())
                .handler(this::apply)
                .build();
        started.start(START_TIMEOUT);
        tailer = started;
    }

    private void apply(TailedRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return; // not an offset: Apache's format always has a key
        }
        Map<ByteBuffer, ByteBuffer> applied = new HashMap<>();
        applied.put(ByteBuffer.wrap(record.key()), record.value() == null ? null : ByteBuffer.wrap(record.value()));
        offsets.set(applied);
    }

    @Override
    public Map<ByteBuffer, ByteBuffer> get(Collection<ByteBuffer> keys) {
        return offsets.get(keys);
    }

    /**
     * Writes the values (null: a tombstone) and returns once Kafka acknowledged them and this store
     * has read them back.
     *
     * @throws ConnectException when that did not happen within the write timeout
     */
    @Override
    public void set(Map<ByteBuffer, ByteBuffer> values) {
        CompactedTopicTailer<byte[], byte[]> writer = running();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        values.forEach((key, value) -> writes.add(writer.sendAndAwait(OffsetCodec.bytes(key), OffsetCodec.bytes(value))));
        try {
            CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0]))
                    .get(settings.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not write source offsets to topic " + topic() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Source offsets were not written to topic " + topic() + " and read back within "
                    + settings.writeTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while writing source offsets to topic " + topic(), e);
        }
    }

    @Override
    public Map<ByteBuffer, ByteBuffer> all() {
        return offsets.all();
    }

    @Override
    public CompletableFuture<Void> readToEnd() {
        return running().readToEnd();
    }

    @Override
    public CompletableFuture<Void> awaitApplied(int partition, long offset) {
        return running().awaitApplied(partition, offset);
    }

    private CompactedTopicTailer<byte[], byte[]> running() {
        CompactedTopicTailer<byte[], byte[]> current = tailer;
        if (current == null) {
            throw new IllegalStateException("the offset store of " + topic() + " is not started");
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (tailer != null) {
            tailer.close();
        }
    }
}
