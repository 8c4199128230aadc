package io.ferry.connect.worker.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TransactionContentsTest {
    private final TransactionContents contents = new TransactionContents();

    private static SourceRecord record(String partition, Long n) {
        return new SourceRecord(partition == null ? null : Map.of("p", partition), n == null ? null : Map.of("n", n), "t", null, null);
    }

    @Test
    void shouldKeepTheLatestOffsetOfEachSourcePartition() {
        contents.add(record("a", 1L));
        contents.add(record("b", 7L));
        contents.add(record("a", 2L));

        assertThat(contents.offsets()).isEqualTo(Map.of(Map.of("p", "a"), Map.of("n", 2L), Map.of("p", "b"), Map.of("n", 7L)));
        assertThat(contents.size()).isEqualTo(3);
    }

    @Test
    void shouldGoBackToThePartitionsEarlierOffsetWhenTheLastRecordIsTakenBack() {
        contents.add(record("a", 1L));
        TransactionContents.Entry last = contents.add(record("a", 2L));

        contents.removeLast(last);

        assertThat(contents.offsets()).isEqualTo(Map.of(Map.of("p", "a"), Map.of("n", 1L)));
        assertThat(contents.size()).isEqualTo(1);
    }

    @Test
    void shouldCommitNoOffsetForARecordWithoutPartitionOrOffset() {
        contents.add(record(null, 3L));
        contents.add(record("a", null));

        assertThat(contents.offsets()).isEmpty();
        assertThat(contents.isEmpty()).as("the records still wait for their commit callbacks").isFalse();
        assertThat(contents.drain()).hasSize(2);
        assertThat(contents.isEmpty()).isTrue();
    }
}
