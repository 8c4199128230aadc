package io.ferry.connect.errors;

import java.util.Objects;
import java.util.Optional;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.SinkConnectorConfig;
import io.ferry.connect.model.TaskId;

/**
 * Where a task's failed records go: a connector's {@code errors.deadletterqueue.*} settings.
 *
 * @param topic                     the dead-letter queue topic; not blank
 * @param replicationFactor         for the topic, should it be created: at least 1, or -1 for the
 *                                  broker's default
 * @param contextHeaders            add the {@code __connect.errors.*} headers
 * @param task                      the task that reports
 * @param replicationFactorDefaulted the replication factor was not set but left at its default
 *                                  ({@value #DEFAULT_REPLICATION_FACTOR}), so a smaller cluster may
 *                                  lower it (see {@link DeadLetterQueueReporter})
 */
public record DeadLetterQueueSettings(String topic, short replicationFactor, boolean contextHeaders, TaskId task,
                                      boolean replicationFactorDefaulted) {

    /** The default of {@code errors.deadletterqueue.topic.replication.factor}. */
    public static final short DEFAULT_REPLICATION_FACTOR = 3;

    public DeadLetterQueueSettings {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(task, "task");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("the dead letter queue topic must not be blank");
        }
        if (replicationFactor < 1 && replicationFactor != -1) {
            throw new IllegalArgumentException("the dead letter queue's replication factor must be -1 (the broker's default) or at"
                    + " least 1: " + replicationFactor);
        }
    }

    /** Settings whose replication factor counts as the default when it equals the default value. */
    public DeadLetterQueueSettings(String topic, short replicationFactor, boolean contextHeaders, TaskId task) {
        this(topic, replicationFactor, contextHeaders, task, replicationFactor == DEFAULT_REPLICATION_FACTOR);
    }

    /**
     * The settings of a source or sink connector; empty when it names no dead-letter queue topic (or
     * its kind has none).
     */
    public static Optional<DeadLetterQueueSettings> from(ConnectorConfig config, TaskId task) {
        if (!config.values().containsKey(SinkConnectorConfig.DLQ_TOPIC_NAME)) {
            return Optional.empty();
        }
        String topic = config.getString(SinkConnectorConfig.DLQ_TOPIC_NAME).trim();
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeadLetterQueueSettings(topic,
                config.getShort(SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR),
                config.getBoolean(SinkConnectorConfig.DLQ_CONTEXT_HEADERS_ENABLE),
                task,
                !config.originals().containsKey(SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR)));
    }
}
