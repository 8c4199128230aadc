package io.ferry.connect.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Source offsets in a local file ({@code offset.storage.file.filename}), in the format Apache Kafka
 * Connect's standalone worker uses — a Java-serialised {@code HashMap<byte[], byte[]>} of
 * {@link OffsetCodec} keys and values — so a standalone deployment can switch runtimes and keep its
 * offsets.
 *
 * <p>Unlike a plain overwrite, every write goes to a temporary file that is forced to disk and then
 * renamed over the old one: a crash leaves either the previous offsets or the new ones, never a
 * truncated file. Reading accepts only the classes that format holds, so a tampered file cannot
 * make the worker deserialise anything else.
 */
public final class FileOffsetStore implements OffsetStore {
    private static final ObjectInputFilter ONLY_BYTE_MAPS =
            ObjectInputFilter.Config.createFilter("java.util.HashMap;java.util.Map$Entry;[B;maxdepth=3;!*");

    private final Path file;
    private final MemoryOffsetStore offsets = new MemoryOffsetStore();

    public FileOffsetStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void start() {
        offsets.set(read(file));
    }

    private static Map<ByteBuffer, ByteBuffer> read(Path file) {
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ONLY_BYTE_MAPS);
            Object raw = objects.readObject();
            if (!(raw instanceof Map<?, ?> map)) {
                throw new ConnectException("The offsets file " + file + " does not hold a map of offsets");
            }
            Map<ByteBuffer, ByteBuffer> read = new HashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof byte[] key) || (entry.getValue() != null && !(entry.getValue() instanceof byte[]))) {
                    throw new ConnectException("The offsets file " + file + " holds an entry that is not bytes");
                }
                read.put(ByteBuffer.wrap(key), entry.getValue() == null ? null : ByteBuffer.wrap((byte[]) entry.getValue()));
            }
            return read;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (InvalidClassException e) {
            throw new ConnectException("The offsets file " + file + " holds classes an offsets file never holds: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException e) {
            throw new ConnectException("Could not read the offsets file " + file + ": " + e, e);
        }
    }

    @Override
    public Map<ByteBuffer, ByteBuffer> get(Collection<ByteBuffer> keys) {
        return offsets.get(keys);
    }

    @Override
    public synchronized void set(Map<ByteBuffer, ByteBuffer> values) {
        Map<ByteBuffer, ByteBuffer> next = offsets.all();
        values.forEach((key, value) -> {
            if (value == null) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
        });
        write(next);
        offsets.set(values);
    }

    private void write(Map<ByteBuffer, ByteBuffer> all) {
        HashMap<byte[], byte[]> raw = new HashMap<>();
        all.forEach((key, value) -> raw.put(OffsetCodec.bytes(key), OffsetCodec.bytes(value)));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
                    ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(raw);
                objects.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConnectException("Could not write the offsets file " + file + ": " + e, e);
        }
    }

    @Override
    public Map<ByteBuffer, ByteBuffer> all() {
        return offsets.all();
    }

    @Override
    public void close() {
    }
}
