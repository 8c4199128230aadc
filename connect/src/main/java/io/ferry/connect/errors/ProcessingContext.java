package io.ferry.connect.errors;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * What error handling knows about one record on its way through a task: the record as it came in
 * (the consumed bytes of a sink, the {@link SourceRecord} a source task returned), the stage and
 * class that ran last, how many attempts it took, and the failure, if any.
 *
 * <p>Create one per record and pass it to every {@link RetryWithTolerance} call for that record.
 * Once an operation failed, later operations on the same context are skipped. Not thread-safe: one
 * thread at a time (handing it to a producer callback is fine).
 */
public final class ProcessingContext {
    private static final Future<Void> NOTHING_REPORTED = CompletableFuture.completedFuture(null);

    private final ConsumerRecord<byte[], byte[]> consumerRecord;
    private final SourceRecord sourceRecord;
    private ProducerRecord<byte[], byte[]> producerRecord;
    private Stage stage;
    private Class<?> executingClass;
    private int attempt;
    private Throwable error;
    private Future<Void> reported = NOTHING_REPORTED;

    private ProcessingContext(ConsumerRecord<byte[], byte[]> consumerRecord, SourceRecord sourceRecord) {
        this.consumerRecord = consumerRecord;
        this.sourceRecord = sourceRecord;
    }

    /** For a record a sink task's consumer read; the raw bytes are what a dead-letter queue receives. */
    public static ProcessingContext forSink(ConsumerRecord<byte[], byte[]> original) {
        return new ProcessingContext(Objects.requireNonNull(original, "original"), null);
    }

    /** For a record a source task's {@code poll()} returned, before any transformation. */
    public static ProcessingContext forSource(SourceRecord original) {
        return new ProcessingContext(null, Objects.requireNonNull(original, "original"));
    }

    /**
     * Remembers the bytes a source record was converted to, once conversion succeeded, so that a
     * failure to produce them reports exactly what was sent.
     *
     * @return this context
     */
    public ProcessingContext withProducerRecord(ProducerRecord<byte[], byte[]> converted) {
        this.producerRecord = Objects.requireNonNull(converted, "converted");
        return this;
    }

    /** Whether an operation on this record failed (and was reported). */
    public boolean failed() {
        return error != null;
    }

    /** The failure, or null. */
    public Throwable error() {
        return error;
    }

    /** The stage that ran last, or null before the first operation. */
    public Stage stage() {
        return stage;
    }

    /** The class whose code ran last, or null before the first operation. */
    public Class<?> executingClass() {
        return executingClass;
    }

    /** How many times the last operation was tried; 0 before the first. */
    public int attempt() {
        return attempt;
    }

    /** The consumed record of a sink task; null for a source task. */
    public ConsumerRecord<byte[], byte[]> consumerRecord() {
        return consumerRecord;
    }

    /** The record a source task returned; null for a sink task. */
    public SourceRecord sourceRecord() {
        return sourceRecord;
    }

    /** The converted record of a source task, once {@link #withProducerRecord} was called; else null. */
    public ProducerRecord<byte[], byte[]> producerRecord() {
        return producerRecord;
    }

    /**
     * Completes when every reporter has handled this record's failure (for a dead-letter queue: once
     * Kafka acknowledged it); fails if one could not. Done at once when nothing failed.
     */
    public Future<Void> reported() {
        return reported;
    }

    void position(Stage stage, Class<?> executingClass) {
        this.stage = stage;
        this.executingClass = executingClass;
    }

    void attempt(int attempt) {
        this.attempt = attempt;
    }

    void error(Throwable error) {
        this.error = error;
    }

    void reported(Future<Void> reported) {
        this.reported = reported;
    }

    @Override
    public String toString() {
        String record = consumerRecord != null
                ? consumerRecord.topic() + "-" + consumerRecord.partition() + "@" + consumerRecord.offset()
                : "source record for " + sourceRecord.topic();
        return "ProcessingContext{" + record + ", stage=" + stage + ", class=" + (executingClass == null ? null : executingClass.getName())
                + ", attempt=" + attempt + ", error=" + error + "}";
    }
}
