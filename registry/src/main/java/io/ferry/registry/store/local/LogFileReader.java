package io.ferry.registry.store.local;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

import io.ferry.registry.store.RecordApplier;
import io.ferry.registry.store.RecordCodec;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.StoreException;

/**
 * Reads a local log from its header to its last whole batch, applying every record.
 *
 * <p>What counts as a torn tail (cut off, since no write in it was acknowledged): a batch whose
 * header or payload runs past the end of the file, or a last batch whose checksum fails. A batch
 * whose checksum fails with more data after it, a wrong header, or a record that does not decode is
 * damage: the replay stops with an error that names the byte position.
 */
final class LogFileReader {

    /** What a replay found. */
    record Result(long records, long validEnd, long tornBytes) {
    }

    private final FileChannel channel;
    private final RecordCodec codec;
    private final Path file;

    LogFileReader(FileChannel channel, RecordCodec codec, Path file) {
        this.channel = channel;
        this.codec = codec;
        this.file = file;
    }

    Result replay(RecordApplier applier) throws IOException, StoreException {
        long size = channel.size();
        channel.position(0);
        // Not closed: closing the stream would close the channel the log keeps writing to.
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        checkHeader(in, size);
        long position = LogFileFormat.HEADER_SIZE;
        long records = 0;
        while (position < size) {
            long remaining = size - position;
            if (remaining < LogFileFormat.BATCH_OVERHEAD) {
                return new Result(records, position, remaining);
            }
            int length = in.readInt();
            int expectedCrc = in.readInt();
            if (length < Integer.BYTES || length > LogFileFormat.MAX_BATCH_BYTES) {
                if (position + LogFileFormat.BATCH_OVERHEAD + Math.max(length, 0) >= size || onlyZerosFrom(position, size)) {
                    return new Result(records, position, remaining);
                }
                throw damage(position, "a batch length of " + length + " bytes");
            }
            if (remaining - LogFileFormat.BATCH_OVERHEAD < length) {
                return new Result(records, position, remaining);
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            long end = position + LogFileFormat.BATCH_OVERHEAD + length;
            if (LogFileFormat.crc(ByteBuffer.wrap(payload)) != expectedCrc) {
                if (end == size || onlyZerosFrom(end, size)) {
                    return new Result(records, position, remaining);
                }
                throw damage(position, "a batch whose checksum does not match, with " + (size - end) + " bytes after it");
            }
            records = applyBatch(payload, position, records, applier);
            position = end;
        }
        return new Result(records, position, 0);
    }

    /**
     * A crash can leave a file extended with zeros its data never reached; such a tail holds no
     * batch and counts as torn, however long it is.
     */
    private boolean onlyZerosFrom(long from, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long position = from;
        while (position < size) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return true;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) != 0) {
                    return false;
                }
            }
            position += read;
        }
        return true;
    }

    private void checkHeader(DataInputStream in, long size) throws IOException, StoreException {
        if (size < LogFileFormat.HEADER_SIZE) {
            throw damage(0, "a file of " + size + " bytes, shorter than the log header");
        }
        byte[] magic = new byte[LogFileFormat.MAGIC.length];
        in.readFully(magic);
        int version = in.readInt();
        if (!Arrays.equals(magic, LogFileFormat.MAGIC)) {
            throw new StoreException(file + " is not a Ferry registry log (its header is missing)");
        }
        if (version != LogFileFormat.VERSION) {
            throw new StoreException(file + " is a registry log of format version " + version
                    + ", which this Ferry does not read (it reads version " + LogFileFormat.VERSION + ")");
        }
    }

    private long applyBatch(byte[] payload, long position, long firstOffset, RecordApplier applier) throws StoreException {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long offset = firstOffset;
        try {
            int count = buffer.getInt();
            RegistryRecord[] decoded = new RegistryRecord[count];
            for (int i = 0; i < count; i++) {
                byte[] key = new byte[buffer.getInt()];
                buffer.get(key);
                int valueLength = buffer.getInt();
                byte[] value = null;
                if (valueLength >= 0) {
                    value = new byte[valueLength];
                    buffer.get(value);
                }
                decoded[i] = codec.decode(key, value);
            }
            if (buffer.hasRemaining()) {
                throw damage(position, "a batch with " + buffer.remaining() + " bytes after its last record");
            }
            for (RegistryRecord record : decoded) {
                applier.apply(record, offset++);
            }
            return offset;
        } catch (RuntimeException e) {
            throw damage(position, "a batch that does not decode (" + e.getMessage() + ")");
        }
    }

    private StoreException damage(long position, String what) {
        return new StoreException("the registry log " + file + " is damaged at byte " + position + ": it holds " + what
                + ". Restore it from a backup; Ferry does not skip damaged records, since that would lose schemas");
    }
}
