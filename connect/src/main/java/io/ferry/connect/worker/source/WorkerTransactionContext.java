package io.ferry.connect.worker.source;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.TransactionContext;

/**
 * The {@link TransactionContext} of an exactly-once task whose connector defines its transactions
 * ({@code transaction.boundary=connector}). The task asks; the task loop acts after the record (or
 * the batch) in question has been handed to the producer. An abort wins over a commit asked for the
 * same point. Records are matched by identity: the task names the instance it returned from
 * {@code poll()}. Thread-safe: a task may ask from any of its threads.
 */
final class WorkerTransactionContext implements TransactionContext {
    private final Set<SourceRecord> commitAfter = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<SourceRecord> abortAfter = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean commitBatch;
    private boolean abortBatch;

    @Override
    public synchronized void commitTransaction() {
        commitBatch = true;
    }

    @Override
    public synchronized void commitTransaction(SourceRecord record) {
        commitAfter.add(java.util.Objects.requireNonNull(record, "the record to commit after"));
    }

    @Override
    public synchronized void abortTransaction() {
        abortBatch = true;
    }

    @Override
    public synchronized void abortTransaction(SourceRecord record) {
        abortAfter.add(java.util.Objects.requireNonNull(record, "the record to abort after"));
    }

    /** What to do after this record; the request is used up. */
    synchronized Decision afterRecord(SourceRecord record) {
        boolean abort = abortAfter.remove(record);
        boolean commit = commitAfter.remove(record);
        return abort ? Decision.ABORT : commit ? Decision.COMMIT : Decision.CONTINUE;
    }

    /** What to do after the batch; the request is used up. */
    synchronized Decision afterBatch() {
        Decision decision = abortBatch ? Decision.ABORT : commitBatch ? Decision.COMMIT : Decision.CONTINUE;
        abortBatch = false;
        commitBatch = false;
        return decision;
    }

    /** What the task asked for at a point of the stream. */
    enum Decision {
        CONTINUE, COMMIT, ABORT
    }
}
