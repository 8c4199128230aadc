package io.ferry.kafka.support.admin;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a state topic exists and is safe to keep state in: creates it when missing, and
 * refuses one that is not compacted or has the wrong partition count. Topics that hold no state
 * only need to exist ({@link #ensureExists}).
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long RETRY_BACKOFF_MS = 100;

    private final Admin admin;
    private final Duration timeout;

    /**
     * @param admin   used, not owned: the caller closes it
     * @param timeout how long to wait for the cluster, for each step
     */
    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Creates the topic if missing and allowed, then checks it.
     *
     * @return the topic's partitions, in partition order
     * @throws TopicMisconfiguredException when the topic exists but would lose or reorder state
     * @throws TopicSetupException         when it is missing and may not be created, cannot be
     *                                     created, or the cluster does not answer
     */
    public List<TopicPartition> ensure(TopicRequirements requirements) {
        String topic = requirements.topic();
        Optional<TopicDescription> description = describe(topic);
        if (description.isEmpty()) {
            if (!requirements.createIfMissing()) {
                throw new TopicSetupException(topic, "topic '" + topic + "' for " + requirements.purpose()
                        + " does not exist; create it as a compacted topic, or let Ferry create it");
            }
            create(requirements);
            description = awaitVisible(topic);
        }
        verifyCleanupPolicy(requirements);
        TopicDescription found = description.get();
        verifyPartitionCount(requirements, found.partitions().size());
        return partitionsOf(topic, found);
    }

    /**
     * Makes sure a topic that holds no state exists: creates it with one partition when missing,
     * and accepts an existing topic of that name whatever its cleanup policy and partition count.
     * For topics that exist only to be subscribed to, such as a group's coordination topic, where
     * refusing a topic over settings that cannot matter would only get in the operator's way.
     *
     * @param topic             the topic name
     * @param purpose           what the topic is for, as users know it, for messages
     * @param replicationFactor for a new topic; -1 for the broker's default
     * @return the topic's partitions, in partition order
     * @throws TopicSetupException when it is missing and cannot be created, or the cluster does not answer
     */
    public List<TopicPartition> ensureExists(String topic, String purpose, short replicationFactor) {
        if (replicationFactor < 1 && replicationFactor != -1) {
            throw new IllegalArgumentException("replication factor " + replicationFactor + " is neither positive nor -1 (broker default)");
        }
        Optional<TopicDescription> description = describe(topic);
        if (description.isEmpty()) {
            Optional<Short> replication = replicationFactor == -1 ? Optional.empty() : Optional.of(replicationFactor);
            try {
                await(topic, "create topic '" + topic + "'", admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), replication))).all());
                log.info("Created topic {} for {} with 1 partition, replication factor {}", topic, purpose,
                        replication.map(String::valueOf).orElse("(broker default)"));
            } catch (TopicExistsException e) {
                log.debug("Topic {} was created by someone else meanwhile", topic);
            } catch (KafkaException e) {
                throw failure(topic, "cannot create topic '" + topic + "' for " + purpose
                        + " (create it with one partition, or let Ferry create it)", e);
            }
            description = awaitVisible(topic);
        }
        return partitionsOf(topic, description.get());
    }

    private static List<TopicPartition> partitionsOf(String topic, TopicDescription description) {
        return description.partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    private Optional<TopicDescription> describe(String topic) {
        try {
            return Optional.of(await(topic, "describe topic '" + topic + "'", admin.describeTopics(List.of(topic)).allTopicNames()).get(topic));
        } catch (UnknownTopicOrPartitionException e) {
            return Optional.empty();
        } catch (KafkaException e) {
            throw failure(topic, "cannot describe topic '" + topic + "'", e);
        }
    }

    private void create(TopicRequirements requirements) {
        String topic = requirements.topic();
        Optional<Short> replication = requirements.replicationFactor() == -1 ? Optional.empty() : Optional.of(requirements.replicationFactor());
        NewTopic newTopic = new NewTopic(topic, Optional.of(requirements.partitionsForCreation()), replication)
                .configs(requirements.configs());
        try {
            await(topic, "create topic '" + topic + "'", admin.createTopics(List.of(newTopic)).all());
            log.info("Created topic {} for {} with {} partition(s), replication factor {}, settings {}", topic, requirements.purpose(),
                    requirements.partitionsForCreation(), replication.map(String::valueOf).orElse("(broker default)"), requirements.configs());
        } catch (TopicExistsException e) {
            log.debug("Topic {} was created by someone else meanwhile", topic);
        } catch (KafkaException e) {
            throw failure(topic, "cannot create topic '" + topic + "' for " + requirements.purpose(), e);
        }
    }

    /** A created topic reaches every broker's metadata a little later; wait for it. */
    private Optional<TopicDescription> awaitVisible(String topic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<TopicDescription> description = describe(topic);
            if (description.isPresent()) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new TopicSetupException(topic, "topic '" + topic + "' was created but is still unknown after " + timeout.toMillis() + " ms");
            }
            sleep(topic);
        }
    }

    private void verifyCleanupPolicy(TopicRequirements requirements) {
        String topic = requirements.topic();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config;
        try {
            config = await(topic, "read the settings of topic '" + topic + "'", admin.describeConfigs(List.of(resource)).all()).get(resource);
        } catch (AuthorizationException | UnsupportedVersionException e) {
            log.warn("Cannot read the settings of topic {} ({}); trusting that it is compacted", topic, e.getMessage());
            return;
        } catch (KafkaException e) {
            throw failure(topic, "cannot read the settings of topic '" + topic + "'", e);
        }
        ConfigEntry entry = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        String policy = entry == null || entry.value() == null ? "" : entry.value();
        Set<String> policies = Arrays.stream(policy.split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        if (!policies.equals(Set.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            throw new TopicMisconfiguredException(topic, "topic '" + topic + "' has cleanup.policy=" + policy
                    + ", but " + requirements.purpose() + " needs cleanup.policy=compact: with deletion Kafka drops old records"
                    + " and the state they hold is lost. Change the topic's setting to cleanup.policy=compact, or use another topic.");
        }
    }

    private static void verifyPartitionCount(TopicRequirements requirements, int actual) {
        if (requirements.requiredPartitions().isEmpty()) {
            return;
        }
        int required = requirements.requiredPartitions().getAsInt();
        if (actual != required) {
            String topic = requirements.topic();
            throw new TopicMisconfiguredException(topic, "topic '" + topic + "' has " + actual + " partitions, but "
                    + requirements.purpose() + " needs exactly " + required + ": " + (required == 1
                    ? "its records must stay in one total order, which Kafka keeps only within a partition."
                    : "the partition a record lands in is part of its meaning.")
                    + " Use a topic with " + required + (required == 1 ? " partition." : " partitions."));
        }
    }

    /**
     * Waits for an admin call. Kafka's own failure comes back unwrapped, for the caller to
     * tolerate or report; a timeout or an interrupt becomes a {@link TopicSetupException}.
     */
    private <T> T await(String topic, String action, KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaException kafka) {
                throw kafka;
            }
            throw new TopicSetupException(topic, "cannot " + action + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicSetupException(topic, "cannot " + action + ": the cluster did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException(topic, "interrupted while trying to " + action, e);
        }
    }

    private static TopicSetupException failure(String topic, String what, KafkaException cause) {
        return new TopicSetupException(topic, what + ": " + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()), cause);
    }

    private static void sleep(String topic) {
        try {
            Thread.sleep(RETRY_BACKOFF_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException(topic, "interrupted while waiting for topic '" + topic + "'", e);
        }
    }
}
