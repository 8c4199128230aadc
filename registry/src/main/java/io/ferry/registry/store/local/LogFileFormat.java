package io.ferry.registry.store.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import io.ferry.registry.store.RecordCodec;
import io.ferry.registry.store.RegistryRecord;

/**
 * The layout of a local registry log.
 *
 * <pre>
 * file   := header batch*
 * header := "FERRYREG" (8 bytes ASCII) version:int32 (= 1)
 * batch  := length:int32 crc:int32 payload            length = bytes of payload
 * payload:= count:int32 entry{count}                  crc    = CRC32C of payload
 * entry  := keyLength:int32 key valueLength:int32 value   valueLength -1 = tombstone
 * </pre>
 *
 * Integers are big-endian. Keys and values are the bytes of a {@code _schemas} topic record, so a
 * local log holds exactly what the Kafka backend would.
 */
final class LogFileFormat {
    static final byte[] MAGIC = "FERRYREG".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_SIZE = MAGIC.length + Integer.BYTES;
    static final int BATCH_OVERHEAD = 2 * Integer.BYTES;
    /** No batch is larger; a length above it is damage, not data. */
    static final int MAX_BATCH_BYTES = 64 * 1024 * 1024;

    private LogFileFormat() {
    }

    static void writeHeader(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        header.put(MAGIC).putInt(VERSION).flip();
        channel.position(0);
        while (header.hasRemaining()) {
            channel.write(header);
        }
    }

    /** Whether the (short) file holds nothing but the start of a header. */
    static boolean isHeaderPrefix(FileChannel channel) throws IOException {
        int size = (int) channel.size();
        ByteBuffer start = ByteBuffer.allocate(size);
        channel.read(start, 0);
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).put(MAGIC).putInt(VERSION);
        for (int i = 0; i < size; i++) {
            if (start.get(i) != header.get(i)) {
                return false;
            }
        }
        return true;
    }

    static ByteBuffer encodeBatch(List<RegistryRecord> records, RecordCodec codec) {
        List<byte[]> keys = new ArrayList<>(records.size());
        List<byte[]> values = new ArrayList<>(records.size());
        int payloadSize = Integer.BYTES;
        for (RegistryRecord record : records) {
            byte[] key = codec.encodeKey(record.key());
            byte[] value = record.value() == null ? null : codec.encodeValue(record.key(), record.value());
            keys.add(key);
            values.add(value);
            payloadSize += Integer.BYTES + key.length + Integer.BYTES + (value == null ? 0 : value.length);
        }
        if (payloadSize > MAX_BATCH_BYTES) {
            throw new IllegalArgumentException("a batch of " + payloadSize + " bytes is larger than the log accepts (" + MAX_BATCH_BYTES + ")");
        }
        ByteBuffer payload = ByteBuffer.allocate(payloadSize);
        payload.putInt(records.size());
        for (int i = 0; i < records.size(); i++) {
            payload.putInt(keys.get(i).length).put(keys.get(i));
            byte[] value = values.get(i);
            if (value == null) {
                payload.putInt(-1);
            } else {
                payload.putInt(value.length).put(value);
            }
        }
        payload.flip();
        ByteBuffer batch = ByteBuffer.allocate(BATCH_OVERHEAD + payloadSize);
        batch.putInt(payloadSize).putInt(crc(payload)).put(payload).flip();
        return batch;
    }

    static int crc(ByteBuffer payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return (int) crc.getValue();
    }

    /** Makes a new or renamed file's directory entry durable too. */
    static void forceDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory; the file's own force still holds its data.
        }
    }
}
