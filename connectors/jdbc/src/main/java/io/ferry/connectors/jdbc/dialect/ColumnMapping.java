package io.ferry.connectors.jdbc.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.kafka.connect.data.Schema;

/** How one result column becomes one Connect field: its schema and the reader of its value. */
public interface ColumnMapping {

    /** The field's schema; optional when the column is nullable. */
    Schema schema();

    /** The column's value in the current row as a value of {@link #schema()}, or null for SQL NULL. */
    Object read(ResultSet row, int index) throws SQLException;
}
