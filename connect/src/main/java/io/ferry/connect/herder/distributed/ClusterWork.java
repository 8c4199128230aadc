package io.ferry.connect.herder.distributed;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import io.ferry.connect.model.TaskId;

/**
 * Everything the group must run, as one worker read it from the config topic: every connector,
 * and every task of the committed task configs.
 *
 * @param configOffset how far the config topic was read
 */
public record ClusterWork(long configOffset, SortedSet<String> connectors, SortedSet<TaskId> tasks) {

    public ClusterWork {
        connectors = Collections.unmodifiableSortedSet(new TreeSet<>(connectors));
        tasks = Collections.unmodifiableSortedSet(new TreeSet<>(tasks));
    }

    /** A fingerprint of the connectors and tasks (not of the offset): equal work, equal digest. */
    public long digest() {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        StringBuilder text = new StringBuilder();
        connectors.forEach(connector -> text.append(connector).append('\n'));
        text.append('\u0000');
        tasks.forEach(task -> text.append(task.connector()).append('\u0001').append(task.task()).append('\n'));
        crc.update(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue() ^ ((long) connectors.size() << 32) ^ ((long) tasks.size() << 48);
    }
}
