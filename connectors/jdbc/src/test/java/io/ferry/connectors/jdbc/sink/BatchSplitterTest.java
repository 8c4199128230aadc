package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Drives the splitter against an in-memory table with savepoints, refusing the rows a test names. */
class BatchSplitterTest {

    /** A list of written rows with nested savepoints: rolling back truncates to the mark. */
    private static final class MemoryTable implements BatchSplitter.Savepoints {
        final List<Integer> rows = new ArrayList<>();
        int writes;

        @Override
        public Object mark() {
            return rows.size();
        }

        @Override
        public void rollbackTo(Object mark) {
            rows.subList((Integer) mark, rows.size()).clear();
        }

        @Override
        public void release(Object mark) {
        }

        /** Writes rows one by one like a statement that fails half-way: the caller must roll back. */
        BatchSplitter.Writer<Integer> refusing(Set<Integer> bad) {
            return batch -> {
                writes++;
                for (Integer row : batch) {
                    if (bad.contains(row)) {
                        throw new SQLException("row " + row + " violates a check", "23514");
                    }
                    rows.add(row);
                }
            };
        }
    }

    private static List<Integer> rows(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    @Test
    void shouldWriteACleanBatchInOneWrite() throws SQLException {
        MemoryTable table = new MemoryTable();
        var writer = table.refusing(Set.of());
        assertThat(new BatchSplitter<Integer>(table, e -> false).write(rows(100), writer, writer)).isEmpty();
        assertThat(table.rows).isEqualTo(rows(100));
        assertThat(table.writes).isEqualTo(1);
    }

    @Test
    void shouldFindEachBadRowAndWriteAllTheOthers() throws SQLException {
        MemoryTable table = new MemoryTable();
        var writer = table.refusing(Set.of(3, 64, 65, 99));
        var refused = new BatchSplitter<Integer>(table, e -> false).write(rows(100), writer, writer);
        assertThat(refused).extracting(BatchSplitter.Refusal::row).containsExactly(3, 64, 65, 99);
        assertThat(refused.get(0).error()).hasMessageContaining("row 3 violates");
        assertThat(table.rows).containsExactlyInAnyOrderElementsOf(rows(100).stream().filter(r -> !Set.of(3, 64, 65, 99).contains(r)).toList());
        assertThat(table.writes).isLessThan(60);
    }

    @Test
    void shouldRetryWithTheFallbackWhenTheFirstWayIsRefused() throws SQLException {
        MemoryTable table = new MemoryTable();
        BatchSplitter.Writer<Integer> copy = batch -> {
            throw new SQLException("COPY refused", "22P04");
        };
        var refused = new BatchSplitter<Integer>(table, e -> false).write(rows(10), copy, table.refusing(Set.of(7)));
        assertThat(refused).extracting(BatchSplitter.Refusal::row).containsExactly(7);
        assertThat(table.rows).hasSize(9);
    }

    @Test
    void shouldSetAsideARowThatCannotBeBoundWithoutBisecting() throws SQLException {
        MemoryTable table = new MemoryTable();
        BatchSplitter.Writer<Integer> writer = batch -> {
            table.writes++;
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i) == 5) {
                    throw new RowBindingException(i, "field 'x' cannot be written", new IllegalArgumentException());
                }
                table.rows.add(batch.get(i));
            }
        };
        var refused = new BatchSplitter<Integer>(table, e -> false).write(rows(10), writer, writer);
        assertThat(refused).extracting(BatchSplitter.Refusal::row).containsExactly(5);
        assertThat(table.rows).hasSize(9);
        assertThat(table.writes).isEqualTo(2);
    }

    @Test
    void shouldPassATransientErrorThroughWithoutSplitting() {
        MemoryTable table = new MemoryTable();
        BatchSplitter.Writer<Integer> writer = batch -> {
            throw new SQLTransientConnectionException("connection reset", "08006");
        };
        assertThatThrownBy(() -> new BatchSplitter<Integer>(table, SqlErrors::isTransient).write(rows(10), writer, writer))
                .isInstanceOf(SQLTransientConnectionException.class);
    }
}
