package io.ferry.connect.worker;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.model.TaskId;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The settings of a task's Kafka clients, in layers: the runtime's defaults, then the worker's
 * {@code producer.*} / {@code consumer.*} / {@code admin.*} settings, then the connector's
 * {@code producer.override.*} / {@code consumer.override.*} / {@code admin.override.*} (checked
 * against the worker's override policy when the config was validated).
 */
public final class ClientConfigs {
    private ClientConfigs() {
    }

    /**
     * A source task's producer. Records are never given up on (delivery and blocking timeouts are
     * unbounded, every replica acknowledges); ordering per partition holds through the idempotent
     * producer, which lets several requests be in flight where Apache's runtime allows one; batches
     * of up to 256 KiB let a busy task fill each request instead of sending one 16 KiB batch per
     * round trip. The worker's {@code producer.*} settings and the connector's overrides still win.
     */
    public static Map<String, Object> producer(WorkerConfig worker, Map<String, String> connector, TaskId task) {
        Map<String, Object> config = new HashMap<>(worker.clientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "connector-producer-" + task);
        config.putAll(worker.prefixed("producer."));
        config.putAll(overrides(connector, ConnectorConfig.PRODUCER_OVERRIDES_PREFIX));
        return config;
    }

    /**
     * A sink task's consumer, in the group {@code connect-<connector>}, committing by hand. On a
     * distributed worker its session follows the worker's ({@code session.timeout.ms},
     * {@code heartbeat.interval.ms}) unless {@code consumer.*} or an override says otherwise: when a
     * worker crashes, its sink tasks' partitions then move when its tasks do, not after the consumer's
     * default 45 s.
     */
    public static Map<String, Object> consumer(WorkerConfig worker, Map<String, String> connector, TaskId task) {
        Map<String, Object> config = new HashMap<>(worker.clientConfig());
        if (worker instanceof DistributedWorkerConfig distributed) {
            config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, distributed.getInt(DistributedWorkerConfig.SESSION_TIMEOUT_MS));
            config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, distributed.getInt(DistributedWorkerConfig.HEARTBEAT_INTERVAL_MS));
        }
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "connect-" + task.connector());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "connector-consumer-" + task);
        config.putAll(worker.prefixed("consumer."));
        config.putAll(overrides(connector, ConnectorConfig.CONSUMER_OVERRIDES_PREFIX));
        return config;
    }

    /** The consumer group of a sink connector, honouring a {@code consumer.override.group.id}. */
    public static String sinkGroup(Map<String, String> connector) {
        String override = connector.get(ConnectorConfig.CONSUMER_OVERRIDES_PREFIX + ConsumerConfig.GROUP_ID_CONFIG);
        return override != null ? override : "connect-" + connector.get(ConnectorConfig.NAME);
    }

    /** An admin client acting for a connector (topic creation, dead-letter queue, offsets). */
    public static Map<String, Object> admin(WorkerConfig worker, Map<String, String> connector, String clientId) {
        Map<String, Object> config = new HashMap<>(worker.clientConfig());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.putAll(worker.prefixed("admin."));
        config.putAll(overrides(connector, ConnectorConfig.ADMIN_OVERRIDES_PREFIX));
        return config;
    }

    /** The connector's overrides under a prefix, without it. */
    public static Map<String, Object> overrides(Map<String, String> connector, String prefix) {
        Map<String, Object> overrides = new HashMap<>();
        connector.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                overrides.put(key.substring(prefix.length()), value);
            }
        });
        return overrides;
    }
}
