package io.ferry.connectors.jdbc.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.dialect.TableId;

/**
 * The rows of one put batch for one table, de-duplicated by key.
 *
 * <p>For rows with a key the last record of a key wins, so a statement never touches one row twice
 * (PostgreSQL refuses an {@code ON CONFLICT DO UPDATE} that would) and a batch costs one write per key.
 * Because keys are then distinct, their writes are independent and may run in any order; the one order
 * that matters is within a key: a key deleted and written again in the batch is deleted first and written
 * after, so columns the last record leaves out are not kept from the deleted row. Rows without a key
 * ({@code pk.mode=none}) are all kept in arrival order. A truncate drops every row buffered before it,
 * which it would remove anyway, and runs before the rows buffered after it. Not thread-safe.
 */
final class TableBuffer {
    private final TableId table;
    private final Map<List<Object>, KeyState> keyed = new LinkedHashMap<>();
    private final List<SinkRow> unkeyed = new ArrayList<>();
    private boolean truncateFirst;

    TableBuffer(TableId table) {
        this.table = table;
    }

    TableId table() {
        return table;
    }

    /** Adds a row of this table; a keyed row replaces the buffered row of its key. */
    void add(SinkRow row) {
        if (row.truncate()) {
            keyed.clear();
            unkeyed.clear();
            truncateFirst = true;
            return;
        }
        if (row.key().isEmpty()) {
            unkeyed.add(row);
            return;
        }
        KeyState state = keyed.computeIfAbsent(row.keyIdentity(), identity -> new KeyState());
        if (row.delete()) {
            state.deleteFirst = row;
        }
        state.last = row;
    }

    /** Whether the table is to be emptied before the buffered rows are written. */
    boolean truncateFirst() {
        return truncateFirst;
    }

    /** How many rows the buffer will write. */
    int size() {
        return keyed.size() + unkeyed.size();
    }

    /**
     * The buffered rows as groups in the order they must run: every delete first, then the writes, each
     * group holding rows of one shape in arrival order of their keys.
     */
    List<RowGroup> groups() {
        Map<SinkRow.RowShape, List<SinkRow>> deletes = new LinkedHashMap<>();
        Map<SinkRow.RowShape, List<SinkRow>> writes = new LinkedHashMap<>();
        for (KeyState state : keyed.values()) {
            if (state.deleteFirst != null) {
                deletes.computeIfAbsent(state.deleteFirst.shape(), shape -> new ArrayList<>()).add(state.deleteFirst);
            }
            if (!state.last.delete()) {
                writes.computeIfAbsent(state.last.shape(), shape -> new ArrayList<>()).add(state.last);
            }
        }
        // Rows of one schema share one shape instance, so a run of them needs one lookup, not one per row.
        SinkRow.RowShape runShape = null;
        List<SinkRow> run = null;
        for (SinkRow row : unkeyed) {
            if (row.shape() != runShape) {
                runShape = row.shape();
                run = writes.computeIfAbsent(runShape, shape -> new ArrayList<>());
            }
            run.add(row);
        }
        List<RowGroup> groups = new ArrayList<>();
        deletes.forEach((shape, rows) -> groups.add(new RowGroup(table, shape, rows)));
        writes.forEach((shape, rows) -> groups.add(new RowGroup(table, shape, rows)));
        return groups;
    }

    /** A key's latest tombstone (deleted before any later write) and its last row. */
    private static final class KeyState {
        SinkRow deleteFirst;
        SinkRow last;
    }
}
