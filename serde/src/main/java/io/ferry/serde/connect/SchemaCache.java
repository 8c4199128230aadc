package io.ferry.serde.connect;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Converted schemas by source schema: a one-entry identity check first (a connector usually sends one
 * schema instance over and over, and Connect schemas hash deeply on every call), then a bounded map that is
 * emptied when full. Thread-safe.
 */
public final class SchemaCache<K, V> {
    private record Entry<K, V>(K key, V value) {
    }

    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
    private final int capacity;
    private volatile Entry<K, V> last;

    public SchemaCache(int capacity) {
        this.capacity = capacity;
    }

    public V get(K key, Function<K, V> convert) {
        Entry<K, V> recent = last;
        if (recent != null && recent.key() == key) {
            return recent.value();
        }
        V value = map.get(key);
        if (value == null) {
            value = convert.apply(key);
            if (map.size() >= capacity) {
                map.clear();
            }
            map.put(key, value);
        }
        last = new Entry<>(key, value);
        return value;
    }
}
