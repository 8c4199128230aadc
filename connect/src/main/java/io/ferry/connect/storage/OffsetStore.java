package io.ferry.connect.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * Source offsets by key, in {@link OffsetCodec}'s bytes. Thread-safe.
 */
public interface OffsetStore extends AutoCloseable {

    /** Loads what the store holds; called once before any other method. */
    void start();

    /** The values of the keys it holds (absent keys are left out). */
    Map<ByteBuffer, ByteBuffer> get(Collection<ByteBuffer> keys);

    /**
     * Writes values (null removes the key) and returns once they are durable.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException when they could not be made durable
     */
    void set(Map<ByteBuffer, ByteBuffer> values);

    /** Every key and value it holds. */
    Map<ByteBuffer, ByteBuffer> all();

    @Override
    void close();
}
