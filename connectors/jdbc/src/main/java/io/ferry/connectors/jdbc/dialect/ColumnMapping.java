package io.ferry.connectors.jdbc.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.kafka.connect.data.Schema;

/**
 * How one result column becomes one Connect field: its schema and the reader of its value.
 *
 * <p>Values by logical type: a Timestamp is a {@link java.sql.Timestamp} (a {@link java.util.Date}, so
 * Connect accepts it, that also carries the database's microseconds or nanoseconds in
 * {@link java.sql.Timestamp#getNanos()} for offsets and {@code timestamp.granularity}); a zoneless
 * timestamp is read as a local date-time in {@code db.timezone}. A Date is a {@link java.util.Date} at
 * midnight UTC of the column's calendar day and a Time a {@link java.util.Date} of the milliseconds since
 * midnight: both are calendar values, so no zone shifts them. A Decimal is a {@link java.math.BigDecimal}
 * with exactly the schema's scale; an ARRAY a {@link java.util.List}.
 */
public interface ColumnMapping {

    /** The field's schema; optional when the column is nullable. */
    Schema schema();

    /** The column's value in the current row as a value of {@link #schema()}, or null for SQL NULL. */
    Object read(ResultSet row, int index) throws SQLException;
}
