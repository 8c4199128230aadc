package io.ferry.connectors.jdbc.dialect;

import org.apache.kafka.connect.data.Schema;

/**
 * A column the sink creates or adds: its name, the Connect schema it stores (whose optionality decides
 * NULL / NOT NULL and whose default value becomes the column's DEFAULT), and whether it is a key column.
 */
public record ColumnSpec(String name, Schema schema, boolean primaryKey) {
}
