package io.ferry.connect.storage.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connect.model.TaskId;
import io.ferry.kafka.support.admin.TopicRequirements;
import io.ferry.kafka.support.tailer.CompactedTopicTailer;
import io.ferry.kafka.support.tailer.RecordHandler;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.connect.errors.ConnectException;

/** What the stores of the internal topics share: how they read a topic, wait, and name tasks in keys. */
final class InternalTopics {

    private InternalTopics() {
    }

    /** A tailer of string keys and raw values, as Apache's stores read their topics. */
    static CompactedTopicTailer<String, byte[]> tailer(TopicRequirements topic, Map<String, Object> clientConfig, String clientId,
                                                       RecordHandler<String, byte[]> handler) {
        return CompactedTopicTailer.builder(topic, Serdes.String(), Serdes.ByteArray())
                .clientConfig(clientConfig)
                .clientId(clientId)
                .handler(handler)
                .build();
    }

    /**
     * Waits for the future.
     *
     * @param action what it does, for messages ("read the config topic back")
     * @throws ConnectException when it fails, takes longer than {@code timeout} or the wait is interrupted
     */
    static <T> T await(Future<T> future, Duration timeout, String action) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("could not " + action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("could not " + action + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while trying to " + action, e);
        }
    }

    /**
     * The task a key names after its prefix, {@code <connector>-<n>} as {@link TaskId#toString()}
     * writes it (the connector's name may hold dashes itself).
     *
     * @return null when it does not end in a task number
     */
    static TaskId parseTaskId(String connectorAndTask) {
        int dash = connectorAndTask.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            int task = Integer.parseInt(connectorAndTask.substring(dash + 1));
            return task < 0 ? null : new TaskId(connectorAndTask.substring(0, dash), task);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
