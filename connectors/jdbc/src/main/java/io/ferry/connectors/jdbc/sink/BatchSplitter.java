package io.ferry.connectors.jdbc.sink;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes a list of rows and, when the database refuses the write, finds the rows it refuses: the failed
 * write is undone (to a savepoint, so the rest of the transaction stands) and the list is halved until
 * each refused row stands alone. The good rows end up written; the refused ones are returned with
 * their errors. A transient error is not the rows' fault and is thrown unchanged, for the caller to retry
 * the whole transaction.
 *
 * <p>Cost: a clean write costs one savepoint; k bad rows among n cost about k·log2(n) extra writes.
 *
 * @param <T> the row type
 */
final class BatchSplitter<T> {

    /** Writes some rows inside the current transaction. */
    interface Writer<T> {
        void write(List<T> rows) throws SQLException;
    }

    /** Marks and undoes parts of the current transaction (JDBC savepoints in production). */
    interface Savepoints {
        Object mark() throws SQLException;

        void rollbackTo(Object mark) throws SQLException;

        void release(Object mark) throws SQLException;
    }

    /** A row the database refused, with its error. */
    record Refusal<T>(T row, Exception error) {
    }

    private final Savepoints savepoints;
    private final Predicate<SQLException> isTransient;

    BatchSplitter(Savepoints savepoints, Predicate<SQLException> isTransient) {
        this.savepoints = savepoints;
        this.isTransient = isTransient;
    }

    /**
     * Writes the rows with {@code first}; if it is refused, finds the bad rows by writing halves with
     * {@code fallback} (which may differ: a refused COPY is retried as INSERT statements).
     *
     * @return the refused rows, in their order; empty when all were written
     * @throws SQLException a transient error, unchanged
     */
    List<Refusal<T>> write(List<T> rows, Writer<T> first, Writer<T> fallback) throws SQLException {
        List<Refusal<T>> refused = new ArrayList<>();
        attempt(rows, first, fallback, refused);
        return refused;
    }

    private void attempt(List<T> rows, Writer<T> writer, Writer<T> fallback, List<Refusal<T>> refused) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Object mark = savepoints.mark();
        try {
            writer.write(rows);
            savepoints.release(mark);
            return;
        } catch (RowBindingException e) {
            // The row is known: set it aside and write the others again.
            savepoints.rollbackTo(mark);
            refused.add(new Refusal<>(rows.get(e.index()), e));
            List<T> others = new ArrayList<>(rows);
            others.remove(e.index());
            attempt(others, fallback, fallback, refused);
            return;
        } catch (SQLException e) {
            if (isTransient.test(e)) {
                throw e;
            }
            savepoints.rollbackTo(mark);
            if (writer != fallback) {
                // The first way (COPY) may fail where the fallback would not: give all rows that chance.
                attempt(rows, fallback, fallback, refused);
                return;
            }
            if (rows.size() == 1) {
                refused.add(new Refusal<>(rows.get(0), e));
                return;
            }
        }
        int middle = rows.size() / 2;
        attempt(rows.subList(0, middle), fallback, fallback, refused);
        attempt(rows.subList(middle, rows.size()), fallback, fallback, refused);
    }
}
