package io.ferry.connect.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Source offsets kept only in memory: for workers that need no durability (tests, dry runs). */
public final class MemoryOffsetStore implements OffsetStore {
    private final Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();

    @Override
    public void start() {
    }

    @Override
    public synchronized Map<ByteBuffer, ByteBuffer> get(Collection<ByteBuffer> keys) {
        Map<ByteBuffer, ByteBuffer> found = new HashMap<>();
        for (ByteBuffer key : keys) {
            ByteBuffer value = offsets.get(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    @Override
    public synchronized void set(Map<ByteBuffer, ByteBuffer> values) {
        values.forEach((key, value) -> {
            if (value == null) {
                offsets.remove(key);
            } else {
                offsets.put(key, value);
            }
        });
    }

    @Override
    public synchronized Map<ByteBuffer, ByteBuffer> all() {
        return new LinkedHashMap<>(offsets);
    }

    @Override
    public void close() {
    }
}
