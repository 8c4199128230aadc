package io.ferry.kafka.support.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import org.apache.kafka.common.config.TopicConfig;

/**
 * What a state topic must look like: always compacted, optionally an exact partition count, and
 * how to create it when it is missing.
 *
 * @param topic               the topic name
 * @param purpose             what the topic holds, as users know it, for messages
 *                            ("the schema store (kafkastore.topic)")
 * @param requiredPartitions  the exact partition count required, if any; also used to create it
 * @param partitionsToCreate  partitions for a new topic when no exact count is required
 * @param replicationFactor   replication factor for a new topic; -1 for the broker's default
 * @param configs             further settings for a new topic ({@code cleanup.policy=compact} is always set)
 * @param createIfMissing     whether a missing topic is created (else it is an error)
 */
public record TopicRequirements(
        String topic,
        String purpose,
        OptionalInt requiredPartitions,
        int partitionsToCreate,
        short replicationFactor,
        Map<String, String> configs,
        boolean createIfMissing) {

    public TopicRequirements {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requiredPartitions, "requiredPartitions");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("the topic name is empty");
        }
        if (requiredPartitions.isPresent() && requiredPartitions.getAsInt() < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, not " + requiredPartitions.getAsInt());
        }
        if (partitionsToCreate < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, not " + partitionsToCreate);
        }
        if (replicationFactor < 1 && replicationFactor != -1) {
            throw new IllegalArgumentException("replication factor " + replicationFactor + " is neither positive nor -1 (broker default)");
        }
        Map<String, String> all = new LinkedHashMap<>(configs);
        all.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        configs = Map.copyOf(all);
    }

    /** Starts the requirements of a compacted topic. */
    public static Builder compacted(String topic) {
        return new Builder(topic);
    }

    /** Partition count used when the topic is created. */
    public int partitionsForCreation() {
        return requiredPartitions.orElse(partitionsToCreate);
    }

    /** Builder for {@link TopicRequirements}. */
    public static final class Builder {
        private final String topic;
        private String purpose;
        private OptionalInt requiredPartitions = OptionalInt.empty();
        private int partitionsToCreate = 1;
        private short replicationFactor = -1;
        private final Map<String, String> configs = new LinkedHashMap<>();
        private boolean createIfMissing = true;

        private Builder(String topic) {
            this.topic = topic;
            this.purpose = "topic " + topic;
        }

        public Builder purpose(String description) {
            this.purpose = description;
            return this;
        }

        /** The topic must have exactly this many partitions (and is created so). */
        public Builder exactPartitions(int count) {
            this.requiredPartitions = OptionalInt.of(count);
            return this;
        }

        /** Any partition count is accepted; a new topic gets this many. */
        public Builder partitionsForCreation(int count) {
            this.partitionsToCreate = count;
            return this;
        }

        public Builder replicationFactor(short factor) {
            this.replicationFactor = factor;
            return this;
        }

        public Builder config(String key, String value) {
            configs.put(key, value);
            return this;
        }

        public Builder createIfMissing(boolean create) {
            this.createIfMissing = create;
            return this;
        }

        public TopicRequirements build() {
            return new TopicRequirements(topic, purpose, requiredPartitions, partitionsToCreate, replicationFactor, configs, createIfMissing);
        }
    }
}
