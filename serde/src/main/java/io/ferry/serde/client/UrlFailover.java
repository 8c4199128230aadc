package io.ferry.serde.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry nodes and which one requests go to: a random one at first (so that clients spread over the
 * nodes), then the same one until it fails, then the next. Thread-safe.
 */
final class UrlFailover {
    private final List<URI> urls;
    private final AtomicInteger current;

    UrlFailover(List<URI> urls) {
        this.urls = List.copyOf(urls);
        this.current = new AtomicInteger(urls.size() == 1 ? 0 : ThreadLocalRandom.current().nextInt(urls.size()));
    }

    int size() {
        return urls.size();
    }

    /** The node requests go to now. */
    URI current() {
        return urls.get(Math.floorMod(current.get(), urls.size()));
    }

    /** Moves on from {@code failed}, unless another thread already did. */
    void failed(URI failed) {
        int index = current.get();
        if (urls.get(Math.floorMod(index, urls.size())).equals(failed)) {
            current.compareAndSet(index, index + 1);
        }
    }
}
