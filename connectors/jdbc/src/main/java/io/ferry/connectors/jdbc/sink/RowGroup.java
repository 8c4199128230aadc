package io.ferry.connectors.jdbc.sink;

import java.util.List;

import io.ferry.connectors.jdbc.dialect.TableId;

/** Rows of one table and one {@link SinkRow.RowShape}, written by the same statements. */
record RowGroup(TableId table, SinkRow.RowShape shape, List<SinkRow> rows) {
    RowGroup {
        rows = List.copyOf(rows);
    }

    /** The same group with other rows (a part of it when a failing group is split). */
    RowGroup withRows(List<SinkRow> part) {
        return new RowGroup(table, shape, part);
    }
}
