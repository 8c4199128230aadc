package io.ferry.connectors.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the records of one task number. It starts at the position its stored offset names (0 without
 * one), returns each record with the offset of the record after it, and after {@code iterations} records
 * idles. {@link #poll()} waits at most {@value #MAX_WAIT_MS} ms at a time and returns null while no record
 * is due, so {@link #stop()} takes effect promptly.
 */
public class DatagenSourceTask extends SourceTask {
    static final long MAX_WAIT_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DatagenSourceTask.class);

    private final LongSupplier nanoClock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private DatagenRecordFactory records;
    private DatagenPacer pacer;
    private long position;
    private long limit;
    private int pollMaxRecords;
    private boolean announcedEnd;

    public DatagenSourceTask() {
        this(System::nanoTime);
    }

    DatagenSourceTask(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public String version() {
        return DatagenVersion.current();
    }

    @Override
    public void start(Map<String, String> props) {
        DatagenConfig config = new DatagenConfig(props);
        DatagenSchemaSource source = DatagenSchemaSource.resolve(config);
        records = new DatagenRecordFactory(source, config.topic(), config.seed(), config.taskNumber());
        limit = config.iterations();
        pollMaxRecords = config.pollMaxRecords();
        position = storedPosition();
        pacer = DatagenPacer.of(config, nanoClock.getAsLong());
        LOG.info("Datagen task {} generates {} into {} from record {}", config.taskNumber(),
                source.compiled().schema().name(), config.topic(), position);
    }

    private long storedPosition() {
        if (context == null || context.offsetStorageReader() == null) {
            return 0;
        }
        Map<String, Object> offset = context.offsetStorageReader().offset(records.partition());
        if (offset == null || !(offset.get(DatagenRecordFactory.OFFSET_POSITION) instanceof Number stored)) {
            return 0;
        }
        return stored.longValue();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopped.getCount() == 0) {
            return null;
        }
        if (position >= limit) {
            if (!announcedEnd) {
                announcedEnd = true;
                LOG.info("Datagen generated all {} records of its task; it idles until stopped", limit);
            }
            stopped.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
            return null;
        }
        long wait = pacer.nanosUntilDue(nanoClock.getAsLong());
        if (wait > 0) {
            stopped.await(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS)), TimeUnit.NANOSECONDS);
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>();
        long now = nanoClock.getAsLong();
        while (batch.size() < pollMaxRecords && position < limit && pacer.nanosUntilDue(now) <= 0) {
            batch.add(records.record(position));
            position++;
            pacer.advance(now);
        }
        return batch;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
