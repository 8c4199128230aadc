package io.ferry.connect.errors;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.kafka.support.admin.TopicProvisioner;
import io.ferry.kafka.support.admin.TopicSetupException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each failed record to the connector's dead-letter queue topic.
 *
 * <h2>The topic</h2>
 * {@link #create} creates a missing topic with one partition and the configured replication factor.
 * Beyond Apache Kafka Connect, when that factor was left at its default of 3 and the cluster has
 * fewer brokers (a laptop's single broker, say), Ferry creates the topic with one replica per broker
 * and logs a warning instead of failing the task; a factor set explicitly is used as it is.
 *
 * <h2>The records</h2>
 * <ul>
 *   <li><b>Sink tasks</b> (as Apache): the consumed record's raw key, value and headers and its
 *       timestamp, unchanged.</li>
 *   <li><b>Source tasks</b> (a Ferry extension): the bytes the converters made, when the record
 *       failed after conversion (Kafka refused it); otherwise the {@code SourceRecord}'s key, value
 *       and headers as JSON with their schemas — Apache's JsonConverter with
 *       {@code schemas.enable=true}: {@code {"schema":{"type":"string","optional":false},"payload":"abc"}}
 *       — so nothing of the record is lost and it stays readable. Data that cannot be written as
 *       JSON is written as its UTF-8 text. The timestamp is the record's.</li>
 * </ul>
 * With {@code errors.deadletterqueue.context.headers.enable=true} these headers are added, each a
 * UTF-8 string, with Apache's names: {@value #HEADER_TOPIC} (for a source, the record's target
 * topic), {@value #HEADER_PARTITION} and {@value #HEADER_OFFSET} (sink only), {@value #HEADER_CONNECTOR_NAME},
 * {@value #HEADER_TASK_ID} (the task number), {@value #HEADER_STAGE} (the {@link Stage} name),
 * {@value #HEADER_EXECUTING_CLASS}, {@value #HEADER_EXCEPTION}, {@value #HEADER_EXCEPTION_MESSAGE}
 * (a null value when the exception has no message) and {@value #HEADER_EXCEPTION_STACK_TRACE}.
 *
 * <p>Thread-safe. {@link #report} hands the record to a Kafka producer; the future completes once
 * Kafka acknowledged it.
 */
public final class DeadLetterQueueReporter implements ErrorReporter {
    public static final String HEADER_PREFIX = "__connect.errors.";
    public static final String HEADER_TOPIC = HEADER_PREFIX + "topic";
    public static final String HEADER_PARTITION = HEADER_PREFIX + "partition";
    public static final String HEADER_OFFSET = HEADER_PREFIX + "offset";
    public static final String HEADER_CONNECTOR_NAME = HEADER_PREFIX + "connector.name";
    public static final String HEADER_TASK_ID = HEADER_PREFIX + "task.id";
    public static final String HEADER_STAGE = HEADER_PREFIX + "stage";
    public static final String HEADER_EXECUTING_CLASS = HEADER_PREFIX + "class.name";
    public static final String HEADER_EXCEPTION = HEADER_PREFIX + "exception.class.name";
    public static final String HEADER_EXCEPTION_MESSAGE = HEADER_PREFIX + "exception.message";
    public static final String HEADER_EXCEPTION_STACK_TRACE = HEADER_PREFIX + "exception.stacktrace";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueueReporter.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final DeadLetterQueueSettings settings;
    private final Producer<byte[], byte[]> producer;
    private final ErrorHandlingMetrics metrics;
    private final DeadLetterQueueRecords records;

    DeadLetterQueueReporter(DeadLetterQueueSettings settings, Producer<byte[], byte[]> producer, ErrorHandlingMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.records = new DeadLetterQueueRecords(settings);
    }

    /**
     * Makes sure the topic exists (see the class documentation), then opens the producer. Blocks on
     * the cluster.
     *
     * @param producerConfig settings of the producer (the worker's, with the connector's overrides);
     *                       its serializers are replaced by byte-array ones
     * @param adminConfig    settings of the admin client that checks and creates the topic
     * @throws ConnectException when the topic is missing and cannot be created
     */
    public static DeadLetterQueueReporter create(DeadLetterQueueSettings settings, Map<String, Object> producerConfig,
                                                 Map<String, Object> adminConfig, ErrorHandlingMetrics metrics) {
        try (Admin admin = Admin.create(adminConfig)) {
            ensureTopic(settings, admin);
        }
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        return new DeadLetterQueueReporter(settings, producer, metrics);
    }

    private static void ensureTopic(DeadLetterQueueSettings settings, Admin admin) {
        String topic = settings.topic();
        try {
            if (admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                return;
            }
            short replication = replicationFactor(settings, admin);
            new TopicProvisioner(admin, ADMIN_TIMEOUT).ensureExists(topic, "the dead letter queue of " + settings.task(), replication);
        } catch (TopicSetupException | ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not initialize dead letter queue with topic=" + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while initializing dead letter queue with topic=" + topic, e);
        }
    }

    /** The configured factor, lowered to the broker count when it was left at a default the cluster cannot meet. */
    private static short replicationFactor(DeadLetterQueueSettings settings, Admin admin)
            throws ExecutionException, InterruptedException, TimeoutException {
        short configured = settings.replicationFactor();
        if (!settings.replicationFactorDefaulted() || configured == -1) {
            return configured;
        }
        int brokers = admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        if (brokers >= configured || brokers < 1) {
            return configured;
        }
        log.warn("Creating the dead letter queue topic {} of {} with replication factor {} instead of the default {}: the cluster has"
                + " only {} broker(s). Set errors.deadletterqueue.topic.replication.factor to choose.",
                settings.topic(), settings.task(), brokers, configured, brokers);
        return (short) brokers;
    }

    /** Sends the record; the future completes when Kafka acknowledged it, and fails when it could not be written. */
    @Override
    public Future<RecordMetadata> report(ProcessingContext context) {
        metrics.recordDeadLetterQueueProduceRequest();
        ProducerRecord<byte[], byte[]> record = records.toRecord(context);
        try {
            return producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    failed(exception);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
            return CompletableFuture.failedFuture(e);
        }
    }

    private void failed(Exception exception) {
        log.error("Could not produce message to dead letter queue. topic={}", settings.topic(), exception);
        metrics.recordDeadLetterQueueProduceFailed();
    }

    /** Closes the producer, waiting up to 30 s for records under way. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
        records.close();
    }
}
