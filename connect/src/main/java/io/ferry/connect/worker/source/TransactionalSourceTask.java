package io.ferry.connect.worker.source;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connect.errors.ProcessingContext;
import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.worker.source.WorkerTransactionContext.Decision;
import io.ferry.connect.worker.task.TaskSetup;
import io.ferry.connect.worker.task.WorkerTask;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SourceTask} with exactly-once delivery (KIP-618): its records and their source
 * offsets go to Kafka in one producer transaction, so a consumer reading {@code read_committed}
 * sees each record once, and a restarted task resumes exactly after the last committed record.
 *
 * <p>Before the task starts, its transactional producer's {@code initTransactions()} fences any
 * older instance with the same transactional id and ends that instance's open transaction; then the
 * offsets topic is read to its end, so the task's offset reader sees every committed offset.
 * A transaction ends where {@code transaction.boundary} says: after each non-empty batch
 * ({@code poll}), every {@code transaction.boundary.interval.ms} ({@code interval}), or where the
 * task asks through its {@link org.apache.kafka.connect.source.TransactionContext} ({@code connector}).
 * After a commit the task hears {@code commitRecord} for each record and {@code commit()}. An abort
 * discards the transaction's records but still commits their offsets, so they are not produced again.
 *
 * <p>A failed commit or abort fails the task — with a plain reason when another instance took over
 * ({@link TransactionFailures}). There are no periodic offset commits: offsets are only written in
 * transactions. Records skipped under {@code errors.tolerance=all} commit their offsets like the others.
 */
public final class TransactionalSourceTask extends WorkerTask {
    private static final Logger log = LoggerFactory.getLogger(TransactionalSourceTask.class);
    private static final long SEND_RETRY_BACKOFF_MS = 100;

    private final TaskSetup setup;
    private final SourceTaskParts parts;
    private final TransactionalParts transactional;
    private final SourceTask task;
    private final Producer<byte[], byte[]> producer;
    private final RetryWithTolerance errors;
    private final Time time;
    private final SourceRecordConverter converter;
    private final SourceTaskCalls calls;
    private final WorkerTransactionContext transactionContext;
    private final Set<String> usedTopics = ConcurrentHashMap.newKeySet();
    private final TransactionContents contents = new TransactionContents();
    private final TransactionOffsets offsetWriter;
    private PolledBatch toSend;
    private boolean transactionOpen;
    private long transactionBeganMs;
    /** Records sent in the open transaction, for the transaction-size metrics. */
    private int sentInTransaction;
    private long lastCommitMs;
    private boolean started;
    private boolean failed;

    public TransactionalSourceTask(TaskSetup setup, SourceTaskParts parts, TransactionalParts transactional) {
        super(setup.id(), setup.initialState(), setup.listener(), setup.taskMetrics(), setup.loader(), setup.version());
        this.setup = setup;
        this.parts = parts;
        this.transactional = transactional;
        this.task = parts.task();
        this.producer = parts.producer();
        this.errors = setup.errors();
        this.time = setup.time();
        this.converter = new SourceRecordConverter(setup.converters(), errors);
        this.calls = new SourceTaskCalls(setup, parts, this);
        this.offsetWriter = new TransactionOffsets(transactional, setup.id().connector());
        this.transactionContext = transactional.boundary() == TransactionBoundary.CONNECTOR ? new WorkerTransactionContext() : null;
    }

    @Override
    protected void initializeAndStart() {
        transactional.startCheck().run();
        if (isStopping()) {
            return; // a task stopped before its start must not fence out its successor
        }
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            throw failure("initialize its transactional producer", e);
        }
        transactional.startCheck().run();
        readOffsetsToEnd();
        task.initialize(new WorkerSourceTaskContext(setup.config(), parts.offsets(), setup.pluginMetrics(), transactionContext));
        task.start(setup.config());
        started = true;
        lastCommitMs = time.milliseconds();
        log.info("{} Source task finished initialization and start, with exactly-once delivery ({} transaction boundary)", this,
                transactional.boundary());
    }

    private void readOffsetsToEnd() {
        try {
            transactional.offsetTopic().readToEnd().get(transactional.readTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Task " + id + " could not read the offsets topic " + transactional.offsetTopic().topic()
                    + " to its end: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("Task " + id + " could not read the offsets topic " + transactional.offsetTopic().topic()
                    + " to its end within " + transactional.readTimeoutMs() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Task " + id + " was interrupted while reading the offsets topic", e);
        }
    }

    @Override
    protected void execute() throws InterruptedException {
        try {
            loop();
        } catch (RuntimeException | InterruptedException e) {
            failed = true;
            throw e;
        }
    }

    private void loop() throws InterruptedException {
        while (!isStopping()) {
            if (isPaused()) {
                // An open transaction would hang while paused and, outliving its timeout, fence this task.
                commitIfBoundaryAllowsAtEnd();
                if (awaitUnpaused()) {
                    lastCommitMs = time.milliseconds();
                }
                continue;
            }
            if (toSend == null) {
                List<SourceRecord> polled = calls.poll();
                if (polled == null || polled.isEmpty()) {
                    maybeCommitOnInterval();
                    continue;
                }
                toSend = new PolledBatch(polled);
                taskMetrics.recordBatch(toSend.size());
            }
            if (toSend.sendRemaining(parts.chain(), converter, handler)) {
                toSend = null;
                afterBatch();
            } else {
                time.sleep(SEND_RETRY_BACKOFF_MS);
            }
        }
    }

    /** How the transactional loop hands over a batch: each record into the open transaction, with its offset. */
    private final PolledBatch.Handler handler = new PolledBatch.Handler() {
        @Override
        public void skip(SourceRecord original) {
            contents.add(original);
        }

        @Override
        public boolean send(SourceRecord original, ProducerRecord<byte[], byte[]> record, ProcessingContext context) {
            boolean sent = TransactionalSourceTask.this.send(original, record);
            if (sent) {
                sentInTransaction++;
            }
            return sent;
        }

        @Override
        public void handled(SourceRecord original) {
            afterRecord(original);
        }

        @Override
        public void counted(int written, int skipped) {
            parts.metrics().recordWrite(written, skipped);
            parts.metrics().recordActiveRecords(contents.size());
        }
    };

    /** @return false when the record could not be handed to the producer for now */
    private boolean send(SourceRecord original, ProducerRecord<byte[], byte[]> record) {
        if (record.topic().equals(transactional.offsetTopic().topic())) {
            // Its own transaction would block the next read of the offsets topic: the task would wait for itself.
            throw new ConnectException("Source tasks may not produce to their own offsets topics when exactly-once support is enabled");
        }
        try {
            parts.topicCreator().ifPresent(creator -> creator.ensure(record.topic()));
        } catch (org.apache.kafka.connect.errors.RetriableException e) {
            log.warn("{} could not make sure topic {} exists; trying again: {}", this, record.topic(), e.getMessage());
            return false;
        }
        beginIfNeeded();
        TransactionContents.Entry sent = contents.add(original);
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.metadata = metadata;
                    if (usedTopics.add(metadata.topic())) {
                        parts.topics().onTopicUsed(id.connector(), metadata.topic());
                    }
                }
                // A failed send fails the commit of its transaction, which fails the task (or was aborted on purpose).
            });
            return true;
        } catch (RetriableException e) {
            contents.removeLast(sent);
            log.warn("{} failed to send a record to topic {}; trying again: {}", this, record.topic(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            throw failure("send a record to topic " + record.topic(), e);
        }
    }

    /** Why an action on the transaction failed; it can only have expired if it was open longer than its timeout. */
    private ConnectException failure(String action, RuntimeException error) {
        boolean mayHaveExpired = transactionOpen && time.milliseconds() - transactionBeganMs >= transactional.transactionTimeoutMs();
        return TransactionFailures.describe(id, action, error, mayHaveExpired);
    }

    private void beginIfNeeded() {
        if (!transactionOpen) {
            try {
                producer.beginTransaction();
            } catch (RuntimeException e) {
                throw failure("begin a transaction", e);
            }
            transactionOpen = true;
            transactionBeganMs = time.milliseconds();
        }
    }

    private void afterRecord(SourceRecord original) {
        if (transactionContext == null) {
            return;
        }
        act(transactionContext.afterRecord(original));
    }

    private void afterBatch() {
        switch (transactional.boundary()) {
            case POLL -> commit();
            case INTERVAL -> maybeCommitOnInterval();
            case CONNECTOR -> act(transactionContext.afterBatch());
            default -> throw new IllegalStateException("unknown transaction boundary " + transactional.boundary());
        }
    }

    private void act(Decision decision) {
        if (decision == Decision.ABORT) {
            abort();
            commit(); // the aborted records' offsets, so that the task does not produce them again
        } else if (decision == Decision.COMMIT) {
            commit();
        }
    }

    private void maybeCommitOnInterval() {
        if (transactional.boundary() == TransactionBoundary.INTERVAL && time.milliseconds() >= lastCommitMs + transactional.intervalMs()) {
            lastCommitMs = time.milliseconds();
            commit();
        }
    }

    /** At a pause or a stop: poll and interval transactions end here; a connector's only where it asked. */
    private void commitIfBoundaryAllowsAtEnd() {
        if (transactional.boundary() == TransactionBoundary.CONNECTOR) {
            act(transactionContext.afterBatch());
        } else {
            commit();
        }
    }

    private void abort() {
        log.info("{} Aborting the transaction of {} records, as the task asked", this, contents.size());
        if (transactionOpen) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException e) {
                throw failure("abort its transaction", e);
            }
            transactionOpen = false;
        }
        contents.aborted();
        sentInTransaction = 0;
        parts.metrics().recordActiveRecords(0);
    }

    /** Commits the open transaction with the offsets of its records; nothing when nothing happened since the last commit. */
    private void commit() {
        if (!transactionOpen && contents.isEmpty()) {
            return;
        }
        long begun = time.milliseconds();
        beginIfNeeded();
        List<Future<RecordMetadata>> offsetWrites;
        try {
            offsetWrites = offsetWriter.send(producer, contents.offsets());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            taskMetrics.recordCommitFailure(time.milliseconds() - begun);
            throw failure("commit its transaction", e);
        }
        transactionOpen = false;
        taskMetrics.recordCommitSuccess(time.milliseconds() - begun);
        parts.metrics().recordTransaction(sentInTransaction);
        sentInTransaction = 0;
        log.debug("{} Committed a transaction of {} records and {} offsets in {} ms", this, contents.size(), contents.offsets().size(),
                time.milliseconds() - begun);
        awaitOffsetsApplied(offsetWrites);
        List<TransactionContents.Entry> committed = contents.drain();
        parts.metrics().recordActiveRecords(0);
        committed.forEach(sent -> calls.commitRecord(sent.record, sent.metadata));
        calls.commit();
    }

    /** Lets the worker's offset view (the task's own reader, the REST API) hold what was just committed. */
    private void awaitOffsetsApplied(List<Future<RecordMetadata>> writes) {
        try {
            offsetWriter.awaitApplied(writes);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("{} The committed offsets are not in the worker's offset view yet: {}", this, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void close() {
        try {
            if (started && !failed && !isCancelled()) {
                commitIfBoundaryAllowsAtEnd();
            }
        } catch (RuntimeException e) {
            log.error("{} Could not commit the last transaction", this, e);
        } finally {
            if (transactionOpen && !isCancelled()) {
                quietly(producer::abortTransaction, "abort the open transaction");
            }
            calls.release(started, this::quietly);
        }
    }

    @Override
    protected void onCancel() {
        errors.triggerStop();
        quietly(() -> producer.close(Duration.ZERO), "close the producer");
    }

    @Override
    public void stop() {
        errors.triggerStop();
        super.stop();
    }

    @Override
    public String toString() {
        return "TransactionalSourceTask{id=" + id + "}";
    }
}
