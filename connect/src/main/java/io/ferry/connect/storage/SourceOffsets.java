package io.ferry.connect.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source connector's offsets in an {@link OffsetStore}: what its tasks read through
 * {@link OffsetStorageReader}, what the worker writes after Kafka acknowledged the records, and what
 * the offsets REST API lists and changes. Thread-safe; a closed view refuses reads, as a stopped
 * task's reader must.
 */
public final class SourceOffsets implements OffsetStorageReader, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceOffsets.class);

    private final String connector;
    private final OffsetStore store;
    private final OffsetCodec codec;
    private volatile boolean closed;

    public SourceOffsets(String connector, OffsetStore store, OffsetCodec codec) {
        this.connector = connector;
        this.store = store;
        this.codec = codec;
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets(List.of(partition)).get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        if (closed) {
            throw new ConnectException("The offset reader is closed: the task it belongs to has stopped");
        }
        Map<ByteBuffer, Map<String, T>> byKey = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            byKey.put(codec.key(connector, partition), partition);
        }
        Map<ByteBuffer, ByteBuffer> stored = store.get(byKey.keySet());
        Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
        for (Map.Entry<ByteBuffer, Map<String, T>> entry : byKey.entrySet()) {
            ByteBuffer value = stored.get(entry.getKey());
            try {
                found.put(entry.getValue(), codec.decodeValue(value));
            } catch (DataException e) {
                // One unreadable offset must not stop the others: the task starts that partition afresh.
                log.error("The stored offset of source partition {} of connector {} cannot be read; it is ignored",
                        entry.getValue(), connector, e);
                found.put(entry.getValue(), null);
            }
        }
        return found;
    }

    /** Writes offsets by source partition (a null offset removes the partition), durably. */
    public void write(Map<? extends Map<String, ?>, ? extends Map<String, ?>> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        Map<ByteBuffer, ByteBuffer> encoded = new HashMap<>();
        offsets.forEach((partition, offset) -> encoded.put(codec.key(connector, partition), codec.value(connector, offset)));
        store.set(encoded);
    }

    /** Every partition of this connector and its offset. */
    public Map<Map<String, Object>, Map<String, Object>> all() {
        Map<Map<String, Object>, Map<String, Object>> mine = new LinkedHashMap<>();
        store.all().forEach((key, value) -> {
            OffsetCodec.Key decoded = decodeKey(key);
            if (decoded != null && decoded.connector().equals(connector) && value != null) {
                mine.put(decoded.partition(), codec.decodeValue(value));
            }
        });
        return mine;
    }

    /** Removes every offset of this connector. */
    public void reset() {
        Map<ByteBuffer, ByteBuffer> tombstones = new HashMap<>();
        List<ByteBuffer> keys = new ArrayList<>();
        store.all().keySet().forEach(key -> {
            OffsetCodec.Key decoded = decodeKey(key);
            if (decoded != null && decoded.connector().equals(connector)) {
                keys.add(key);
            }
        });
        keys.forEach(key -> tombstones.put(key, null));
        if (!tombstones.isEmpty()) {
            store.set(tombstones);
        }
    }

    private OffsetCodec.Key decodeKey(ByteBuffer key) {
        try {
            return codec.decodeKey(key);
        } catch (DataException e) {
            log.warn("Ignoring a stored offset whose key is not in the source offset format", e);
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
