package io.ferry.connectors.jdbc.sink;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

import io.ferry.connectors.jdbc.dialect.TableId;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record as a row of its target table: the key columns (per {@code pk.mode}) and the value columns,
 * a delete of the key when the record is a tombstone or a Debezium delete event, or the emptying of the
 * whole table for a Debezium truncate event.
 *
 * @param record the record the row comes from (reported to the dead-letter queue when the row is refused)
 * @param table  the target table
 * @param key    the key columns in order; empty for {@code pk.mode=none}
 * @param values the value columns in order; empty for a delete
 * @param delete whether the row deletes its key instead of writing values
 * @param shape  the columns the row writes (see {@link #shapeOf}); rows of one shape share statements
 * @param truncate whether the row empties its table (no key, no values) instead of writing a row
 */
record SinkRow(SinkRecord record, TableId table, List<ColumnValue> key, List<ColumnValue> values, boolean delete, RowShape shape,
        boolean truncate) {
    SinkRow {
        key = List.copyOf(key);
        values = List.copyOf(values);
    }

    SinkRow(SinkRecord record, TableId table, List<ColumnValue> key, List<ColumnValue> values, boolean delete, RowShape shape) {
        this(record, table, key, values, delete, shape, false);
    }

    SinkRow(SinkRecord record, TableId table, List<ColumnValue> key, List<ColumnValue> values, boolean delete) {
        this(record, table, key, values, delete, shapeOf(key, values, delete));
    }

    /** The emptying of {@code table}, which a Debezium truncate event asks for. */
    static SinkRow truncate(SinkRecord record, TableId table) {
        return new SinkRow(record, table, List.of(), List.of(), false, shapeOf(List.of(), List.of(), false), true);
    }

    /** The columns of these values, in order: rows of one shape share statements. */
    static RowShape shapeOf(List<ColumnValue> key, List<ColumnValue> values, boolean delete) {
        List<ColumnValue.ColumnSlot> keySlots = new ArrayList<>(key.size());
        key.forEach(column -> keySlots.add(column.slot()));
        List<ColumnValue.ColumnSlot> valueSlots = new ArrayList<>(values.size());
        values.forEach(column -> valueSlots.add(column.slot()));
        return new RowShape(keySlots, valueSlots, delete);
    }

    /** The key columns then the value columns, as one list that reads through to both (nothing copied). */
    List<ColumnValue> columns() {
        if (key.isEmpty()) {
            return values;
        }
        if (values.isEmpty()) {
            return key;
        }
        return new AbstractList<>() {
            @Override
            public ColumnValue get(int index) {
                return index < key.size() ? key.get(index) : values.get(index - key.size());
            }

            @Override
            public int size() {
                return key.size() + values.size();
            }
        };
    }

    /**
     * The key's values as an object with value equality (bytes compared by content), identifying the
     * row in its table for de-duplication.
     */
    List<Object> keyIdentity() {
        List<Object> identity = new ArrayList<>(key.size());
        for (ColumnValue column : key) {
            Object value = column.value();
            identity.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
        }
        return identity;
    }

    /**
     * The column layout shared by rows that can be written by one statement.
     *
     * @param key    key columns' names and schemas
     * @param values value columns' names and schemas
     * @param delete whether the rows are deletes
     */
    record RowShape(List<ColumnValue.ColumnSlot> key, List<ColumnValue.ColumnSlot> values, boolean delete) {

        /**
         * Hashes the names only: a schema's hash walks the whole schema, and this runs for every row of a
         * batch. Shapes that differ only in schemas still differ by {@link #equals}.
         */
        @Override
        public int hashCode() {
            int hash = delete ? 1 : 0;
            for (ColumnValue.ColumnSlot slot : key) {
                hash = 31 * hash + slot.name().hashCode();
            }
            for (ColumnValue.ColumnSlot slot : values) {
                hash = 31 * hash + slot.name().hashCode();
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RowShape shape && delete == shape.delete && key.equals(shape.key) && values.equals(shape.values);
        }
        List<String> keyNames() {
            return key.stream().map(ColumnValue.ColumnSlot::name).toList();
        }

        List<String> valueNames() {
            return values.stream().map(ColumnValue.ColumnSlot::name).toList();
        }

        /** Key then value columns. */
        List<ColumnValue.ColumnSlot> all() {
            List<ColumnValue.ColumnSlot> all = new ArrayList<>(key);
            all.addAll(values);
            return all;
        }

        /** Whether every column carries a Connect schema (so the table can be created or evolved from it). */
        boolean schemaful() {
            return all().stream().allMatch(slot -> slot.schema() != null);
        }
    }
}
