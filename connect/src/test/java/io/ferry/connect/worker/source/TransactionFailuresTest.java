package io.ferry.connect.worker.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.connect.model.TaskId;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;

class TransactionFailuresTest {
    private static final TaskId TASK = new TaskId("numbers", 0);

    @Test
    void shouldSayAnotherInstanceTookOverWhenTheProducerWasFenced() {
        var failure = TransactionFailures.describe(TASK, "commit its transaction",
                new KafkaException("commit failed", new ProducerFencedException("fenced")), true);

        assertThat(failure).hasMessageContaining("was fenced out: another instance of this task took over")
                .hasMessageContaining("commit its transaction").hasRootCauseInstanceOf(ProducerFencedException.class);
    }

    @Test
    void shouldCountAnOldEpochAsFencingWhenTheTransactionCannotHaveExpired() {
        var young = TransactionFailures.describe(TASK, "commit its transaction", new InvalidProducerEpochException("old epoch"), false);
        var old = TransactionFailures.describe(TASK, "commit its transaction", new InvalidProducerEpochException("old epoch"), true);

        assertThat(young).hasMessageContaining("was fenced out: another instance of this task took over");
        assertThat(old).hasMessageContaining("open longer than transaction.timeout.ms").hasMessageNotContaining("was fenced out");
    }

    @Test
    void shouldCountALostTransactionStateAsFencingWhenTheTransactionCannotHaveExpired() {
        var failure = TransactionFailures.describe(TASK, "commit its transaction",
                new org.apache.kafka.common.errors.InvalidTxnStateException("invalid state"), false);

        assertThat(failure).hasMessageContaining("was fenced out: another instance of this task took over");
    }

    @Test
    void shouldSayACoordinatorErrorOnAYoungCommitIsWhatAFencingAtThatMomentGives() {
        var young = TransactionFailures.describe(TASK, "commit its transaction",
                new KafkaException("Unhandled error in EndTxnResponse: The server experienced an unexpected error"), false);
        var old = TransactionFailures.describe(TASK, "commit its transaction",
                new KafkaException("Unhandled error in EndTxnResponse: The server experienced an unexpected error"), true);

        assertThat(young).hasMessageContaining("which it gives when the task is fenced out at that moment")
                .hasMessageContaining("Unhandled error in EndTxnResponse");
        assertThat(old).hasMessageNotContaining("fenced out at that moment");
    }

    @Test
    void shouldNameTheActionAndTheCauseOfAnyOtherFailure() {
        var failure = TransactionFailures.describe(TASK, "begin a transaction", new KafkaException("broker gone"), false);

        assertThat(failure).hasMessage("Task numbers-0 could not begin a transaction: org.apache.kafka.common.KafkaException: broker gone");
    }
}
