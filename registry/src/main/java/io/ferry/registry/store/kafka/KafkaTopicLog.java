package io.ferry.registry.store.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.kafka.support.admin.TopicRequirements;
import io.ferry.kafka.support.tailer.CompactedTopicTailer;
import io.ferry.kafka.support.tailer.TailerException;
import io.ferry.registry.store.RecordApplier;
import io.ferry.registry.store.RecordCodec;
import io.ferry.registry.store.RegistryLog;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.StoreException;
import io.ferry.registry.store.StoreTimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log in a Kafka topic. Every node tails the topic from its beginning into its index
 * ({@code read_committed}); writes go through the {@link LeaderWriter}, and {@link #append}
 * returns once this node's own reader has applied them.
 */
public final class KafkaTopicLog implements RegistryLog {
    private static final Logger log = LoggerFactory.getLogger(KafkaTopicLog.class);

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final short replicationFactor;
    private final RecordCodec codec;
    private final LeaderWriter writer;
    private final Duration writeTimeout;
    private CompactedTopicTailer<byte[], byte[]> tailer;

    /**
     * @param replicationFactor for a new topic, already limited to the brokers there are
     * @param writeTimeout      how long an append waits for this node's reader to apply it
     */
    public KafkaTopicLog(Map<String, Object> clientConfig, String topic, short replicationFactor, RecordCodec codec,
                         LeaderWriter writer, Duration writeTimeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.topic = topic;
        this.replicationFactor = replicationFactor;
        this.codec = codec;
        this.writer = writer;
        this.writeTimeout = writeTimeout;
    }

    /** What the schemas topic must look like, as Confluent's registry requires it. */
    public static TopicRequirements requirements(String topic, short replicationFactor) {
        return TopicRequirements.compacted(topic)
                .purpose("the schema registry (kafkastore.topic)")
                .exactPartitions(1)
                .replicationFactor(replicationFactor)
                .build();
    }

    @Override
    public void start(RecordApplier applier, Duration timeout) throws StoreException {
        tailer = CompactedTopicTailer.builder(requirements(topic, replicationFactor), Serdes.ByteArray(), Serdes.ByteArray())
                .clientConfig(clientConfig)
                .clientId("ferry-registry-" + topic)
                .readOnly()
                // A committed write is waited for by its writer; a broker holding the fetch 500 ms would add that to every write.
                .consumerOverride("fetch.max.wait.ms", 20)
                .handler(record -> applier.apply(codec.decode(record.key(), record.value()), record.offset()))
                .build();
        try {
            tailer.start(timeout);
        } catch (TailerException e) {
            throw new StoreException("cannot read the schemas topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(List<RegistryRecord> records) throws StoreException {
        List<ProducerRecord<byte[], byte[]>> produced = new ArrayList<>(records.size());
        for (RegistryRecord record : records) {
            byte[] value = record.value() == null ? null : codec.encodeValue(record.key(), record.value());
            produced.add(new ProducerRecord<>(topic, codec.encodeKey(record.key()), value));
        }
        RecordMetadata last = writer.write(produced);
        try {
            tailer.awaitApplied(last.partition(), last.offset()).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreTimeoutException("the write at offset " + last.offset() + " of " + topic + " was not read back within "
                    + writeTimeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new StoreException("the reader of " + topic + " stopped: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for " + topic, e);
        }
    }

    /** On the leader, claims the leadership first, so that the end read is the end for good. */
    @Override
    public void sync(Duration timeout) throws StoreException {
        if (writer.believesItLeads()) {
            writer.claim();
        }
        try {
            tailer.readToEnd().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreTimeoutException("could not read " + topic + " to its end within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new StoreException("could not read " + topic + " to its end: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading " + topic, e);
        }
    }

    /** This node's position in the topic, for health reports. */
    public Map<Integer, Long> positions() {
        return tailer == null ? Map.of() : tailer.positions();
    }

    @Override
    public String describe() {
        return "Kafka topic " + topic + " at " + clientConfig.get("bootstrap.servers");
    }

    @Override
    public void close() {
        if (tailer != null) {
            tailer.close();
            log.info("Stopped reading {}", topic);
        }
    }
}
