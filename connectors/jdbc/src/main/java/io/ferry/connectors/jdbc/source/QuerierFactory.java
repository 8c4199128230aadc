package io.ferry.connectors.jdbc.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.TableDefinition;
import io.ferry.connectors.jdbc.dialect.TableId;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Builds a task's queriers: one per table (checked against the mode) or one for the custom query, each
 * with its mode's {@link Criteria} started from the stored offset.
 */
final class QuerierFactory {
    private final JdbcSourceConfig config;
    private final JdbcDialect dialect;
    private final Querier.Settings settings;
    private final Clock clock;

    QuerierFactory(JdbcSourceConfig config, JdbcDialect dialect, Clock clock) {
        this.config = config;
        this.dialect = dialect;
        this.clock = clock;
        SqlNames names = new SqlNames(dialect, config.quoteIdentifiers());
        TimestampBinder timestamps = TimestampBinder.forDialect(dialect.name(), config.connectionSettings().timeZone());
        RowConverter.Settings rows = new RowConverter.Settings(dialect, config.readOptions(), config.timestampGranularity(),
                config.skipUnmappableColumns());
        this.settings = new Querier.Settings(dialect, names, timestamps, rows, config.querySuffix(), config.batchMaxRows(),
                config.pollInterval(), clock);
    }

    Querier.Settings settings() {
        return settings;
    }

    /** The querier of the custom query. */
    Querier forQuery(OffsetStorageReader offsets) {
        Map<String, String> partition = OffsetCodec.queryPartition();
        SourceOffset stored = OffsetCodec.decode(offsets.offset(partition));
        String query = config.query();
        String base = config.mode() == Mode.BULK ? query : "SELECT * FROM (" + query + ") ferry_query";
        ModeColumns columns = new ModeColumns(config.incrementingColumn(), config.timestampColumns());
        Querier.Target target = new Querier.Target(base, "the query", null, config.topicPrefix(), partition);
        return new Querier(target, criteria(columns, stored), settings);
    }

    /**
     * The queriers of the tables, checked against the mode.
     *
     * @throws ConnectException naming the table (and column) when a table is missing or does not suit the mode
     */
    List<Querier> forTables(Connection connection, List<TableId> tables, OffsetStorageReader offsets) throws SQLException {
        List<TableDefinition> definitions = new ArrayList<>();
        List<String> checkedColumns = new ArrayList<>();
        for (TableId table : tables) {
            Optional<TableDefinition> definition = dialect.describeTable(connection, table);
            if (definition.isEmpty()) {
                throw new ConnectException("table " + table + " does not exist (or the user cannot read it)");
            }
            ModeColumnCheck.Result check = ModeColumnCheck.check(definition.get(), config.mode(), config.incrementingColumn(),
                    config.timestampColumns(), config.validateNonNull(), "SQLite".equalsIgnoreCase(dialect.name()));
            if (!check.problems().isEmpty()) {
                throw new ConnectException(check.message());
            }
            definitions.add(definition.get());
            checkedColumns.add(check.incrementingColumn());
        }
        List<Map<String, String>> partitions = new ArrayList<>();
        definitions.forEach(definition -> partitions.addAll(OffsetCodec.tablePartitionsToRead(definition.id())));
        Map<Map<String, String>, Map<String, Object>> stored = offsets.offsets(partitions);
        List<Querier> queriers = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            TableId id = definitions.get(i).id();
            ModeColumns columns = new ModeColumns(checkedColumns.get(i), config.timestampColumns());
            Querier.Target target = new Querier.Target("SELECT * FROM " + settings.names().table(id), "table " + id,
                    id.table(), config.topicPrefix() + id.table(), OffsetCodec.tablePartition(id));
            queriers.add(new Querier(target, criteria(columns, storedOffset(id, stored)), settings));
        }
        return queriers;
    }

    private static SourceOffset storedOffset(TableId table, Map<Map<String, String>, Map<String, Object>> stored) {
        for (Map<String, String> partition : OffsetCodec.tablePartitionsToRead(table)) {
            Map<String, Object> offset = stored.get(partition);
            if (offset != null) {
                return OffsetCodec.decode(offset);
            }
        }
        return SourceOffset.NONE;
    }

    private Criteria criteria(ModeColumns columns, SourceOffset stored) {
        Long initial = config.timestampInitial();
        boolean atDatabaseNow = initial != null && initial == JdbcSourceConfig.TIMESTAMP_INITIAL_CURRENT;
        SourceOffset start = stored;
        if (stored.timestamp() == null && initial != null && !atDatabaseNow) {
            start = stored.withTimestamp(Instant.ofEpochMilli(initial));
        }
        return switch (config.mode()) {
            case BULK -> new BulkCriteria();
            case INCREMENTING -> new IncrementingCriteria(columns, config.gapTimeout(), clock, stored);
            case TIMESTAMP -> new TimestampCriteria(columns, config.timestampDelay(), start, atDatabaseNow);
            case TIMESTAMP_INCREMENTING -> new TimestampIncrementingCriteria(columns, config.timestampDelay(), start, atDatabaseNow);
        };
    }
}
