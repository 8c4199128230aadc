package io.ferry.connectors.jdbc.sink;

import org.apache.kafka.connect.data.Schema;

/**
 * One column's value in a row.
 *
 * @param name   the field's name, which is the column's name
 * @param schema the field's Connect schema, or {@code null} for a schemaless value (bound by the column's type)
 * @param value  the value, null allowed
 */
record ColumnValue(String name, Schema schema, Object value) {

    /** The column's name and schema without the value: what rows must share to go in one statement. */
    ColumnSlot slot() {
        return new ColumnSlot(name, schema);
    }

    /** A column's name and Connect schema ({@code null} when schemaless). */
    record ColumnSlot(String name, Schema schema) {
    }
}
