package io.ferry.connect.worker.source;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connect.config.TopicCreationGroup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a source connector's topics before its first record goes to them (KIP-158): the first
 * group whose include patterns take the topic, and whose exclude patterns do not, gives its
 * partitions, replication factor and settings; {@code default} takes the rest. A topic that
 * already exists is used as it is. Used by one task thread.
 */
public final class TopicCreator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
    private static final long ADMIN_TIMEOUT_MS = 30_000;

    private final List<TopicCreationGroup> groups;
    private final Admin admin;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    private TopicCreator(List<TopicCreationGroup> groups, Admin admin) {
        this.groups = groups;
        this.admin = admin;
    }

    /** A creator for these groups, or none when the connector does not have its topics created. */
    public static Optional<TopicCreator> of(List<TopicCreationGroup> groups, Admin admin) {
        return groups.isEmpty() ? Optional.empty() : Optional.of(new TopicCreator(groups, admin));
    }

    /**
     * Makes sure the topic exists.
     *
     * @throws RetriableException when the cluster did not answer in time: the record is sent later
     * @throws ConnectException when the topic cannot be created
     */
    void ensure(String topic) {
        if (known.contains(topic)) {
            return;
        }
        try {
            if (exists(topic)) {
                known.add(topic);
                return;
            }
            TopicCreationGroup group = groups.stream().filter(candidate -> candidate.matches(topic)).findFirst()
                    .orElse(groups.get(groups.size() - 1));
            NewTopic newTopic = new NewTopic(topic, optional(group.partitions()), optionalShort(group.replicationFactor()))
                    .configs(group.topicConfigs());
            admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            log.info("Created topic {} with the settings of topic creation group '{}': {} partitions, replication factor {}, {}",
                    topic, group.name(), describe(group.partitions()), describe(group.replicationFactor()), group.topicConfigs());
            known.add(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                known.add(topic);
                return;
            }
            throw new ConnectException("Could not create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RetriableException("Timed out creating topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("Interrupted while creating topic " + topic, e);
        }
    }

    private boolean exists(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static Optional<Integer> optional(int value) {
        return value < 0 ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Short> optionalShort(short value) {
        return value < 0 ? Optional.empty() : Optional.of(value);
    }

    private static String describe(int value) {
        return value < 0 ? "the broker's default" : Integer.toString(value);
    }

    @Override
    public void close() {
        admin.close();
    }
}
