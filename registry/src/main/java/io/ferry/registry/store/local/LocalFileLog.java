package io.ferry.registry.store.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import io.ferry.registry.store.RecordApplier;
import io.ferry.registry.store.RecordCodec;
import io.ferry.registry.store.RegistryLog;
import io.ferry.registry.store.RegistryRecord;
import io.ferry.registry.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log in one local file, for a single node.
 *
 * <p>Every {@link #append} writes one checksummed batch and forces it to disk before it is applied
 * and acknowledged, so an acknowledged write survives a crash. A crash in the middle of a write
 * leaves a torn batch at the end of the file; {@link #start} cuts it off (it was never
 * acknowledged) and replays the rest. Damage anywhere else is refused, never skipped: a registry
 * that silently lost a schema would hand out its id again. The format is described in
 * {@link LogFileFormat}.
 *
 * <p>The file is locked while open, so two processes never write one log.
 */
public final class LocalFileLog implements RegistryLog {
    private static final Logger log = LoggerFactory.getLogger(LocalFileLog.class);

    private final Path file;
    private final RecordCodec codec;
    private FileChannel channel;
    private FileLock lock;
    private RecordApplier applier;
    private long nextOffset;
    private boolean failed;

    public LocalFileLog(Path file, RecordCodec codec) {
        this.file = file.toAbsolutePath();
        this.codec = codec;
    }

    @Override
    public synchronized void start(RecordApplier recordApplier, Duration timeout) throws StoreException {
        if (channel != null) {
            throw new IllegalStateException("the log " + file + " is already open");
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            lock = lockFile();
            if (channel.size() < LogFileFormat.HEADER_SIZE && LogFileFormat.isHeaderPrefix(channel)) {
                // New, or a crash while the header of a new log was written: nothing was ever acknowledged.
                channel.truncate(0);
                LogFileFormat.writeHeader(channel);
                channel.force(true);
                LogFileFormat.forceDirectory(file.getParent());
            }
            LogFileReader.Result replay = new LogFileReader(channel, codec, file).replay(recordApplier);
            if (replay.tornBytes() > 0) {
                log.warn("The log {} ends with {} bytes of an unfinished write (never acknowledged); cutting them off at {}",
                        file, replay.tornBytes(), replay.validEnd());
                channel.truncate(replay.validEnd());
                channel.force(true);
            }
            channel.position(replay.validEnd());
            nextOffset = replay.records();
            applier = recordApplier;
            log.info("Replayed {} records from {} in {} ms", replay.records(), file, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            closeQuietly();
            throw new StoreException("cannot open the registry log " + file + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly();
            throw e;
        }
    }

    private FileLock lockFile() throws IOException, StoreException {
        try {
            FileLock acquired = channel.tryLock();
            if (acquired == null) {
                throw new StoreException("the registry log " + file + " is in use by another process");
            }
            return acquired;
        } catch (OverlappingFileLockException e) {
            throw new StoreException("the registry log " + file + " is already open in this process", e);
        }
    }

    @Override
    public synchronized void append(List<RegistryRecord> records) throws StoreException {
        if (channel == null) {
            throw new StoreException("the registry log " + file + " is not open");
        }
        if (failed) {
            throw new StoreException("the registry log " + file + " failed earlier; restart the registry");
        }
        if (records.isEmpty()) {
            return;
        }
        long before;
        try {
            before = channel.position();
        } catch (IOException e) {
            throw new StoreException("cannot write the registry log " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer batch = LogFileFormat.encodeBatch(records, codec);
        try {
            while (batch.hasRemaining()) {
                channel.write(batch);
            }
            channel.force(false);
        } catch (IOException e) {
            rollBack(before, e);
            throw new StoreException("cannot write the registry log " + file + ": " + e.getMessage(), e);
        }
        for (RegistryRecord record : records) {
            applier.apply(record, nextOffset++);
        }
    }

    /** A failed write may have left part of a batch; cut it off so later appends follow whole batches. */
    private void rollBack(long position, IOException cause) {
        try {
            channel.truncate(position);
            channel.position(position);
            channel.force(true);
        } catch (IOException e) {
            failed = true;
            cause.addSuppressed(e);
            log.error("The registry log {} could not be rolled back after a failed write; refusing further writes", file, e);
        }
    }

    @Override
    public void sync(Duration timeout) {
        // One writer, one reader, one process: everything appended has been applied.
    }

    @Override
    public String describe() {
        return "local log " + file;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Closing the registry log {} failed", file, e);
        } finally {
            lock = null;
            channel = null;
        }
    }
}
