package io.ferry.connect.worker.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.ferry.connect.worker.source.WorkerTransactionContext.Decision;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class WorkerTransactionContextTest {
    private final WorkerTransactionContext context = new WorkerTransactionContext();

    private static SourceRecord record(long n) {
        return new SourceRecord(Map.of("p", 0), Map.of("n", n), "topic", null, null);
    }

    @Test
    void shouldCommitAfterTheRecordTheTaskNamedOnce() {
        SourceRecord named = record(1);
        context.commitTransaction(named);

        assertThat(context.afterRecord(record(1))).as("an equal record is not the one named").isEqualTo(Decision.CONTINUE);
        assertThat(context.afterRecord(named)).isEqualTo(Decision.COMMIT);
        assertThat(context.afterRecord(named)).as("the request is used up").isEqualTo(Decision.CONTINUE);
    }

    @Test
    void shouldLetAnAbortWinOverACommitAtTheSamePoint() {
        SourceRecord named = record(2);
        context.commitTransaction(named);
        context.abortTransaction(named);
        context.commitTransaction();
        context.abortTransaction();

        assertThat(context.afterRecord(named)).isEqualTo(Decision.ABORT);
        assertThat(context.afterBatch()).isEqualTo(Decision.ABORT);
        assertThat(context.afterBatch()).isEqualTo(Decision.CONTINUE);
    }

    @Test
    void shouldCommitAfterTheBatchWhenAskedWithoutARecord() {
        context.commitTransaction();

        assertThat(context.afterRecord(record(3))).isEqualTo(Decision.CONTINUE);
        assertThat(context.afterBatch()).isEqualTo(Decision.COMMIT);
    }
}
