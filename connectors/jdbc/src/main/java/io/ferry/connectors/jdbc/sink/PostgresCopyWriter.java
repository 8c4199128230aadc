package io.ferry.connectors.jdbc.sink;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts a group of rows with PostgreSQL's {@code COPY … FROM STDIN}, the database's bulk path: no
 * statement to parse or parameters to bind, rows streamed in chunks of about 64 KiB. A group whose every
 * column pairs a schema and a column type {@link CopyBinaryEncoder} knows goes in the binary format, which
 * spares the database parsing numbers and timestamps from text; any other group in the text format.
 * A refused COPY writes nothing; the caller rolls back to its savepoint and finds the bad rows with INSERTs.
 */
final class PostgresCopyWriter {
    private static final int CHUNK_BYTES = 64 * 1024;

    private final JdbcDialect dialect;
    private final CopyTextEncoder text;
    private final CopyBinaryEncoder binary;

    /**
     * @param binary the binary encoder, or null to write every group as text
     */
    PostgresCopyWriter(JdbcDialect dialect, CopyTextEncoder text, CopyBinaryEncoder binary) {
        this.dialect = dialect;
        this.text = text;
        this.binary = binary;
    }

    /** Whether a group can go through COPY: inserts whose every column has a schema COPY text can carry. */
    static boolean eligible(RowGroup group) {
        return !group.shape().delete() && group.shape().all().stream().allMatch(slot -> CopyTextEncoder.supports(slot.schema()));
    }

    /** The COPY statement for the group's table and columns, in the binary format or the (default) text one. */
    String sql(RowGroup group, List<ColumnDefinition> columns, boolean binaryFormat) {
        StringJoiner names = new StringJoiner(", ", " (", ")");
        columns.forEach(column -> names.add(dialect.quote(column.name())));
        return "COPY " + dialect.qualified(group.table()) + names + " FROM STDIN" + (binaryFormat ? " (FORMAT binary)" : "");
    }

    void write(Connection connection, RowGroup group, List<ColumnDefinition> columns) throws SQLException {
        CopyBinaryEncoder.Field[] fields = binary == null ? null : CopyBinaryEncoder.fields(group.shape().all(), columns);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql(group, columns, fields != null));
        try {
            if (fields != null) {
                writeBinary(copy, group, fields);
            } else {
                writeText(copy, group, columns);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void writeText(CopyIn copy, RowGroup group, List<ColumnDefinition> columns) throws SQLException {
        StringBuilder chunk = new StringBuilder(CHUNK_BYTES + 1024);
        for (SinkRow row : group.rows()) {
            text.appendRow(chunk, row.columns(), columns);
            if (chunk.length() >= CHUNK_BYTES) {
                send(copy, chunk);
            }
        }
        send(copy, chunk);
    }

    private void writeBinary(CopyIn copy, RowGroup group, CopyBinaryEncoder.Field[] fields) throws SQLException {
        CopyBinaryBuffer chunk = new CopyBinaryBuffer(CHUNK_BYTES + 1024);
        chunk.put(CopyBinaryEncoder.HEADER, 0, CopyBinaryEncoder.HEADER.length);
        for (SinkRow row : group.rows()) {
            binary.appendRow(chunk, row.columns(), fields);
            if (chunk.length() >= CHUNK_BYTES) {
                copy.writeToCopy(chunk.array(), 0, chunk.length());
                chunk.clear();
            }
        }
        chunk.putShort(CopyBinaryEncoder.TRAILER);
        copy.writeToCopy(chunk.array(), 0, chunk.length());
    }

    private static void send(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
