package io.ferry.connect.testplugins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How often the worker called a {@link SequenceSourceTask}'s commit callbacks, by topic. */
public final class SourceCallbacks {
    private static final Map<String, SourceCallbacks> BY_TOPIC = new ConcurrentHashMap<>();

    final AtomicLong acknowledgedRecords = new AtomicLong();
    final AtomicLong commits = new AtomicLong();

    public static SourceCallbacks of(String topic) {
        return BY_TOPIC.computeIfAbsent(topic, name -> new SourceCallbacks());
    }

    /** commitRecord calls with the record's metadata (Kafka acknowledged it). */
    public long acknowledgedRecords() {
        return acknowledgedRecords.get();
    }

    public long commits() {
        return commits.get();
    }
}
