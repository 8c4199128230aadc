package io.ferry.connectors.jdbc.sink;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts a group of rows with PostgreSQL's {@code COPY … FROM STDIN}, the database's bulk path: no
 * statement to parse or parameters to bind, rows streamed in the text format in chunks of about 64 KiB.
 * A refused COPY writes nothing; the caller rolls back to its savepoint and finds the bad rows with INSERTs.
 */
final class PostgresCopyWriter {
    private static final int CHUNK_CHARS = 64 * 1024;

    private final JdbcDialect dialect;
    private final CopyTextEncoder encoder;

    PostgresCopyWriter(JdbcDialect dialect, CopyTextEncoder encoder) {
        this.dialect = dialect;
        this.encoder = encoder;
    }

    /** Whether a group can go through COPY: inserts whose every column has a schema COPY text can carry. */
    static boolean eligible(RowGroup group) {
        return !group.shape().delete() && group.shape().all().stream().allMatch(slot -> CopyTextEncoder.supports(slot.schema()));
    }

    /** The COPY statement for the group's table and columns. */
    String sql(RowGroup group, List<ColumnDefinition> columns) {
        StringJoiner names = new StringJoiner(", ", " (", ")");
        columns.forEach(column -> names.add(dialect.quote(column.name())));
        return "COPY " + dialect.qualified(group.table()) + names + " FROM STDIN";
    }

    void write(Connection connection, RowGroup group, List<ColumnDefinition> columns) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql(group, columns));
        try {
            StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);
            List<ColumnValue> values = new ArrayList<>(columns.size());
            for (SinkRow row : group.rows()) {
                values.clear();
                values.addAll(row.key());
                values.addAll(row.values());
                encoder.appendRow(chunk, values, columns);
                if (chunk.length() >= CHUNK_CHARS) {
                    send(copy, chunk);
                }
            }
            send(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
