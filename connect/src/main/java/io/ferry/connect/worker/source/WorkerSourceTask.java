package io.ferry.connect.worker.source;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.ferry.connect.errors.ProcessingContext;
import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.errors.Stage;
import io.ferry.connect.worker.task.TaskSetup;
import io.ferry.connect.worker.task.WorkerTask;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SourceTask}: poll, transform, convert, produce — and commit each source partition's
 * offset once Kafka acknowledged its record and every earlier one of that partition.
 *
 * <p>Offsets are committed by {@link #commitOffsets()}, which the worker's committer calls every
 * {@code offset.flush.interval.ms} from its own thread, and once more when the task stops after its
 * outstanding records are acknowledged. A crash therefore re-delivers at most the records sent since
 * the last commit, never loses one.
 */
public final class WorkerSourceTask extends WorkerTask {
    private static final Logger log = LoggerFactory.getLogger(WorkerSourceTask.class);
    private static final long SEND_RETRY_BACKOFF_MS = 100;

    private final TaskSetup setup;
    private final SourceTaskParts parts;
    private final SourceTask task;
    private final RetryWithTolerance errors;
    private final Time time;
    private final SourceRecordConverter converter;
    private final SourceTaskCalls calls;
    private final SubmittedRecords submitted = new SubmittedRecords();
    private final AtomicReference<Throwable> producerFailure = new AtomicReference<>();
    private final Set<String> usedTopics = ConcurrentHashMap.newKeySet();
    private final Object commitLock = new Object();
    private PolledBatch toSend;
    private volatile boolean started;

    public WorkerSourceTask(TaskSetup setup, SourceTaskParts parts) {
        super(setup.id(), setup.initialState(), setup.listener(), setup.taskMetrics(), setup.loader(), setup.version());
        this.setup = setup;
        this.parts = parts;
        this.task = parts.task();
        this.errors = setup.errors();
        this.time = setup.time();
        this.converter = new SourceRecordConverter(setup.converters(), errors);
        this.calls = new SourceTaskCalls(setup, parts, this);
    }

    @Override
    protected void initializeAndStart() {
        task.initialize(new WorkerSourceTaskContext(setup.config(), parts.offsets(), setup.pluginMetrics()));
        task.start(setup.config());
        started = true;
        log.info("{} Source task finished initialization and start", this);
    }

    @Override
    protected void execute() throws InterruptedException {
        while (!isStopping()) {
            if (isPaused()) {
                awaitUnpaused();
                continue;
            }
            throwIfProducerFailed();
            if (toSend == null) {
                List<SourceRecord> polled = calls.poll();
                if (polled == null || polled.isEmpty()) {
                    continue;
                }
                toSend = new PolledBatch(polled);
                taskMetrics.recordBatch(toSend.size());
            }
            if (toSend.sendRemaining(parts.chain(), converter, handler)) {
                toSend = null;
            } else {
                time.sleep(SEND_RETRY_BACKOFF_MS);
            }
        }
    }

    /** How the plain loop hands over a batch: each record tracked until Kafka acknowledges it. */
    private final PolledBatch.Handler handler = new PolledBatch.Handler() {
        @Override
        public void skip(SourceRecord original) {
            WorkerSourceTask.this.skip(original);
        }

        @Override
        public boolean send(SourceRecord original, ProducerRecord<byte[], byte[]> record, ProcessingContext context) {
            return WorkerSourceTask.this.send(original, record, context);
        }

        @Override
        public void counted(int written, int skipped) {
            parts.metrics().recordWrite(written, skipped);
            parts.metrics().recordActiveRecords(submitted.outstanding());
        }
    };

    /** A record dropped by a transformation or skipped under tolerance: its offset may be committed. */
    private void skip(SourceRecord original) {
        submitted.submit(original).ack();
        calls.commitRecord(original, null);
    }

    /** @return false when the record could not be handed to the producer for now */
    private boolean send(SourceRecord original, ProducerRecord<byte[], byte[]> record, ProcessingContext context) {
        try {
            parts.topicCreator().ifPresent(creator -> creator.ensure(record.topic()));
        } catch (RetriableException e) {
            log.warn("{} could not make sure topic {} exists; trying again: {}", this, record.topic(), e.getMessage());
            return false;
        }
        SubmittedRecords.Submitted submission = submitted.submit(original);
        try {
            parts.producer().send(record, (metadata, error) -> onSendCompletion(original, record, context, submission, metadata, error));
            return true;
        } catch (org.apache.kafka.common.errors.RetriableException e) {
            submitted.withdraw(submission);
            log.warn("{} failed to send a record to topic {}; trying again: {}", this, record.topic(), e.getMessage());
            return false;
        } catch (KafkaException e) {
            // The producer refused the record outright: the same rule as a failed send.
            onSendCompletion(original, record, context, submission, null, e);
            return true;
        }
    }

    private void onSendCompletion(SourceRecord original, ProducerRecord<byte[], byte[]> record, ProcessingContext context,
            SubmittedRecords.Submitted submission, RecordMetadata metadata, Exception error) {
        if (error == null) {
            submission.ack();
            calls.commitRecord(original, metadata);
            if (usedTopics.add(record.topic())) {
                parts.topics().onTopicUsed(id.connector(), record.topic());
            }
            return;
        }
        try {
            errors.executeFailed(context.withProducerRecord(record), Stage.KAFKA_PRODUCE, parts.producer().getClass(), error);
            log.warn("{} skipped a record the producer could not send to topic {}, as errors.tolerance allows: {}", this,
                    record.topic(), error.toString());
            submission.ack();
            calls.commitRecord(original, null);
        } catch (RuntimeException notTolerated) {
            producerFailure.compareAndSet(null, new ConnectException(
                    "Unrecoverable exception from producer send callback for topic " + record.topic(), error));
            wakeUp();
        }
    }

    private void throwIfProducerFailed() {
        Throwable failure = producerFailure.get();
        if (failure != null) {
            throw failure instanceof ConnectException connect ? connect : new ConnectException(failure);
        }
    }

    /**
     * Writes the offsets that are committable now and tells the task. Called by the worker's
     * committer thread and by the task at its end; never at the same time.
     *
     * @return whether the offsets were written
     */
    public boolean commitOffsets() {
        synchronized (commitLock) {
            long begun = time.milliseconds();
            SubmittedRecords.Committable committable = submitted.committable();
            try {
                parts.offsets().write(committable.offsets());
            } catch (RuntimeException e) {
                log.error("{} Failed to commit offsets", this, e);
                taskMetrics.recordCommitFailure(time.milliseconds() - begun);
                return false;
            }
            long took = time.milliseconds() - begun;
            taskMetrics.recordCommitSuccess(took);
            if (!committable.isEmpty()) {
                log.debug("{} Committed offsets of {} source partitions in {} ms; {} records outstanding in {} partitions", this,
                        committable.offsets().size(), took, committable.outstanding(), committable.partitionsWaiting());
            }
            commitSourceTask();
            return true;
        }
    }

    private void commitSourceTask() {
        if (started) {
            calls.commit();
        }
    }

    @Override
    protected void close() {
        try {
            if (started && !isCancelled()) {
                finalCommit();
            }
        } finally {
            calls.release(started, this::quietly);
        }
    }

    private void finalCommit() {
        try {
            if (!submitted.awaitAll(parts.flushTimeoutMs(), TimeUnit.MILLISECONDS)) {
                log.warn("{} {} records were still not acknowledged after {} ms; committing what is", this, submitted.outstanding(),
                        parts.flushTimeoutMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commitOffsets();
    }

    @Override
    protected void onCancel() {
        errors.triggerStop();
        quietly(() -> parts.producer().close(Duration.ZERO), "close the producer");
    }

    @Override
    public void stop() {
        errors.triggerStop();
        super.stop();
    }

    @Override
    public String toString() {
        return "WorkerSourceTask{id=" + id + "}";
    }
}
