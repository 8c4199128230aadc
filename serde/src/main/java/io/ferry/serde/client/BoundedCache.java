package io.ferry.serde.client;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent map that holds at most {@code capacity} entries: reads take no lock; when a put goes over
 * the capacity, the oldest-iterated entries are dropped. Meant for caches whose working set is far below
 * the capacity (schemas of a few topics), where the choice of victim hardly matters.
 */
final class BoundedCache<K, V> {
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
    private final int capacity;

    BoundedCache(int capacity) {
        this.capacity = capacity;
    }

    V get(K key) {
        return map.get(key);
    }

    void put(K key, V value) {
        map.put(key, value);
        if (map.size() > capacity) {
            Iterator<K> keys = map.keySet().iterator();
            while (map.size() > capacity && keys.hasNext()) {
                K victim = keys.next();
                if (!victim.equals(key)) {
                    keys.remove();
                }
            }
        }
    }

    /** The cached value, or the loaded one (cached unless {@code null}); concurrent loads of one key may both run. */
    V computeIfAbsent(K key, Function<K, V> loader) {
        V value = map.get(key);
        if (value == null) {
            value = loader.apply(key);
            if (value != null) {
                put(key, value);
            }
        }
        return value;
    }

    void remove(K key) {
        map.remove(key);
    }

    int size() {
        return map.size();
    }
}
