package io.ferry.connect.testplugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.sink.SinkRecord;

/** What {@link RecordingSinkTask}s received, by connector name. */
public final class Recordings {
    private static final Map<String, Recordings> BY_CONNECTOR = new ConcurrentHashMap<>();

    private final List<SinkRecord> records = new ArrayList<>();
    final AtomicInteger retriableFailures = new AtomicInteger();
    private volatile int receivedWhenPaused = -1;
    private volatile int receivedWhenResumed = -1;

    public static Recordings of(String connector) {
        return BY_CONNECTOR.computeIfAbsent(connector, name -> new Recordings());
    }

    synchronized void add(SinkRecord record) {
        records.add(record);
    }

    public synchronized List<SinkRecord> records() {
        return new ArrayList<>(records);
    }

    public synchronized List<Object> values() {
        return records.stream().map(SinkRecord::value).toList();
    }

    synchronized void pausedWith(int batch) {
        receivedWhenPaused = records.size() + batch;
    }

    synchronized void resumed() {
        receivedWhenResumed = records.size();
    }

    /** How many records had arrived when the task paused its partitions, and when it resumed them; -1 before. */
    public int[] pauseWindow() {
        return new int[] {receivedWhenPaused, receivedWhenResumed};
    }

    public int retriableFailures() {
        return retriableFailures.get();
    }
}
