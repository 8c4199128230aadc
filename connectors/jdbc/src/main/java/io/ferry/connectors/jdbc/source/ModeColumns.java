package io.ferry.connectors.jdbc.source;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.ToIntFunction;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Reads a row's incrementing value and timestamp (the first non-null timestamp column, as the query's
 * {@code COALESCE}) from the columns a mode names.
 */
final class ModeColumns {
    private final String incrementingColumn;
    private final List<String> timestampColumns;
    private int incrementingIndex = -1;
    private int[] timestampIndexes = new int[0];

    ModeColumns(String incrementingColumn, List<String> timestampColumns) {
        this.incrementingColumn = incrementingColumn;
        this.timestampColumns = List.copyOf(timestampColumns);
    }

    String incrementingColumn() {
        return incrementingColumn;
    }

    List<String> timestampColumns() {
        return timestampColumns;
    }

    /** Finds the columns in a result; fails naming the source and the column when one is missing. */
    void resolve(RowConverter converter, String source) {
        resolve(converter::indexOf, source);
    }

    /** As {@link #resolve(RowConverter, String)}, with the column positions given by a function (-1: absent). */
    void resolve(ToIntFunction<String> positions, String source) {
        if (incrementingColumn != null) {
            incrementingIndex = indexOf(positions, incrementingColumn, source);
        }
        timestampIndexes = new int[timestampColumns.size()];
        for (int i = 0; i < timestampIndexes.length; i++) {
            timestampIndexes[i] = indexOf(positions, timestampColumns.get(i), source);
        }
    }

    private static int indexOf(ToIntFunction<String> positions, String column, String source) {
        int index = positions.applyAsInt(column);
        if (index < 0) {
            throw new ConnectException(source + " has no column " + column);
        }
        return index;
    }

    long incrementing(RowConverter.Row row) {
        Object value = row.column(incrementingIndex);
        if (value == null) {
            throw new ConnectException("incrementing column " + incrementingColumn + " is NULL in a row");
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toBigIntegerExact().longValueExact();
        }
        if (value instanceof BigInteger integer) {
            return integer.longValueExact();
        }
        throw new ConnectException("incrementing column " + incrementingColumn + " holds "
                + value.getClass().getSimpleName() + ", not an integer");
    }

    /** The row's timestamp: its first non-null timestamp column; null when all are NULL. */
    Instant timestamp(RowConverter.Row row) {
        for (int index : timestampIndexes) {
            Object value = row.column(index);
            if (value instanceof java.sql.Timestamp timestamp) {
                return timestamp.toInstant();
            }
            if (value instanceof Date date) {
                return date.toInstant();
            }
        }
        return null;
    }
}
