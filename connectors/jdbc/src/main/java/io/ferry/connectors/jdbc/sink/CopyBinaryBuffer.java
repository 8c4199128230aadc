package io.ferry.connectors.jdbc.sink;

import java.util.Arrays;

/**
 * A growable byte array written in network byte order, as PostgreSQL's binary COPY reads it. Unlike a
 * {@code DataOutputStream} over a {@code ByteArrayOutputStream} it takes no lock per value and can be
 * emptied and reused for the next chunk. Not thread-safe.
 */
final class CopyBinaryBuffer {
    private byte[] bytes;
    private int length;

    CopyBinaryBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    /** The written bytes, valid until the next write; {@link #length()} of them. */
    byte[] array() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    CopyBinaryBuffer putByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    CopyBinaryBuffer putShort(int value) {
        ensure(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    CopyBinaryBuffer putInt(int value) {
        ensure(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    CopyBinaryBuffer putLong(long value) {
        putInt((int) (value >>> 32));
        return putInt((int) value);
    }

    CopyBinaryBuffer put(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        return this;
    }

    /** A copy of the written bytes (for tests and diagnostics). */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
