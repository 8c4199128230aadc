package io.ferry.registry.store;

import java.time.Duration;
import java.util.List;

/**
 * A durable, ordered log of {@link RegistryRecord}s: the registry's single source of truth.
 *
 * <p>Lifecycle: {@link #start} once, then any number of {@link #append}/{@link #sync} calls from
 * any thread, then {@link #close}.
 */
public interface RegistryLog extends AutoCloseable {

    /**
     * Replays every record into {@code applier} and returns once the replay is complete; a shared
     * log then keeps applying what other nodes append.
     */
    void start(RecordApplier applier, Duration timeout) throws StoreException;

    /**
     * Appends records as one atomic batch — all of them or none become part of the log — and
     * returns once they are durable and this node's applier has applied them.
     *
     * @throws NotLeaderException when this node may not write
     * @throws StoreException     when the outcome is unknown or the write failed
     */
    void append(List<RegistryRecord> records) throws StoreException;

    /** Returns once every record appended before the call, by any node, has been applied here. */
    void sync(Duration timeout) throws StoreException;

    /** A short description for logs and health: where the log lives. */
    String describe();

    @Override
    void close();
}
