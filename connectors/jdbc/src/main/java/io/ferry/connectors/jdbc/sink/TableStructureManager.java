package io.ferry.connectors.jdbc.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.ColumnSpec;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.TableDefinition;
import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.dialect.WriteOptions;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a table fit a group of rows — creating it ({@code auto.create}) or adding the columns it lacks
 * ({@code auto.evolve}) — and keeps the tables' definitions in a cache, refreshed after it changes a table
 * and forgotten when a write fails in a way that suggests someone else changed it.
 *
 * <p>The rules: existing columns are never altered or dropped; a new column must be optional or carry a
 * default, since the rows already in the table have no value for it; key columns are never added. Not
 * thread-safe: one per task.
 */
final class TableStructureManager {
    private static final Logger log = LoggerFactory.getLogger(TableStructureManager.class);

    private final JdbcDialect dialect;
    private final boolean autoCreate;
    private final boolean autoEvolve;
    private final Set<String> tableTypes;
    private final WriteOptions options;
    private final Map<TableId, TableDefinition> cache = new HashMap<>();

    /**
     * @param options the write settings, whose {@code db.timezone} places Timestamp defaults in DDL
     */
    TableStructureManager(JdbcDialect dialect, boolean autoCreate, boolean autoEvolve, Set<String> tableTypes,
            WriteOptions options) {
        this.dialect = dialect;
        this.autoCreate = autoCreate;
        this.autoEvolve = autoEvolve;
        this.tableTypes = Set.copyOf(tableTypes);
        this.options = options;
    }

    /**
     * The group's columns as the table defines them, in the shape's order (key then value columns),
     * after creating or evolving the table where allowed. DDL is committed before this returns. For a
     * group of deletes on a table that does not exist: null, as there is nothing to delete.
     *
     * @throws DataException naming the fields when the rows cannot be stored in the table as it is and the
     *     settings do not allow changing it: the rows are bad, not the connector
     * @throws ConnectException when the table is missing and {@code auto.create} is off, or is of a type
     *     {@code table.types} excludes: the operator must act
     */
    List<ColumnDefinition> columnsFor(Connection connection, RowGroup group) throws SQLException {
        TableDefinition table = describe(connection, group.table());
        if (table == null && group.shape().delete()) {
            return null;
        }
        if (table == null) {
            table = create(connection, group);
        }
        if (!tableTypes.contains(table.type())) {
            throw new ConnectException(group.table() + " is a " + table.type() + " but table.types allows only " + tableTypes);
        }
        List<ColumnValue.ColumnSlot> missing = missingColumns(table, group.shape().all());
        if (!missing.isEmpty()) {
            table = evolve(connection, table, group, missing);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (ColumnValue.ColumnSlot slot : group.shape().all()) {
            columns.add(table.column(slot.name()).orElseThrow());
        }
        return columns;
    }

    /** Drops the cached definition, so the next write reads the table's current one. */
    void forget(TableId table) {
        cache.remove(table);
    }

    /** Whether the table exists (read from the database, not the cache). */
    boolean exists(Connection connection, TableId table) throws SQLException {
        return dialect.describeTable(connection, table).isPresent();
    }

    private TableDefinition describe(Connection connection, TableId id) throws SQLException {
        TableDefinition cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        Optional<TableDefinition> found = dialect.describeTable(connection, id);
        found.ifPresent(definition -> cache.put(id, definition));
        return found.orElse(null);
    }

    private TableDefinition create(Connection connection, RowGroup group) throws SQLException {
        if (!autoCreate) {
            throw new ConnectException("Table " + group.table() + " does not exist; create it or set auto.create=true");
        }
        if (!group.shape().schemaful()) {
            throw new DataException("Table " + group.table() + " does not exist and cannot be created from a record "
                    + "without a schema; create the table, or produce records with schemas");
        }
        List<ColumnSpec> specs = new ArrayList<>();
        group.shape().key().forEach(slot -> specs.add(new ColumnSpec(slot.name(), slot.schema(), true)));
        group.shape().values().forEach(slot -> specs.add(new ColumnSpec(slot.name(), slot.schema(), false)));
        String sql = sqlOf(group, specs, () -> dialect.createTable(group.table(), specs, options));
        try {
            execute(connection, List.of(sql));
            log.info("Created table {}: {}", group.table(), sql);
        } catch (SQLException e) {
            // Another task may have created it first; only fail if it is still missing.
            connection.rollback();
            if (dialect.describeTable(connection, group.table()).isEmpty()) {
                throw e;
            }
        }
        forget(group.table());
        return describe(connection, group.table());
    }

    private TableDefinition evolve(Connection connection, TableDefinition table, RowGroup group,
            List<ColumnValue.ColumnSlot> missing) throws SQLException {
        List<String> names = missing.stream().map(ColumnValue.ColumnSlot::name).toList();
        if (!group.shape().schemaful()) {
            throw new DataException("Table " + group.table() + " has no column for the field(s) " + names
                    + " of this schemaless record");
        }
        if (!autoEvolve) {
            throw new DataException("Table " + group.table() + " has no column for the field(s) " + names
                    + "; add them or set auto.evolve=true");
        }
        List<ColumnSpec> specs = new ArrayList<>();
        for (ColumnValue.ColumnSlot slot : missing) {
            if (group.shape().key().contains(slot)) {
                throw new DataException("Table " + group.table() + " lacks the key column '" + slot.name()
                        + "'; auto.evolve never changes a primary key");
            }
            Schema schema = slot.schema();
            if (!schema.isOptional() && schema.defaultValue() == null) {
                throw new DataException("Cannot add the required field '" + slot.name() + "' without a default to table "
                        + group.table() + ": the rows already there would have no value; make it optional or give it a default");
            }
            specs.add(new ColumnSpec(slot.name(), schema, false));
        }
        List<String> statements = sqlOf(group, specs, () -> dialect.addColumns(group.table(), specs, options));
        try {
            execute(connection, statements);
            log.info("Added columns {} to table {}", names, group.table());
        } catch (SQLException e) {
            // A concurrent task may have added them; re-read before giving up.
            connection.rollback();
            forget(group.table());
            TableDefinition now = describe(connection, group.table());
            if (now == null || !missingColumns(now, group.shape().all()).isEmpty()) {
                throw e;
            }
        }
        forget(group.table());
        return describe(connection, group.table());
    }

    private static List<ColumnValue.ColumnSlot> missingColumns(TableDefinition table, List<ColumnValue.ColumnSlot> slots) {
        return slots.stream().filter(slot -> table.column(slot.name()).isEmpty()).toList();
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        connection.commit();
    }

    /** Runs the dialect's DDL generation after checking each column's type, so a refusal names its field. */
    private <T> T sqlOf(RowGroup group, List<ColumnSpec> specs, java.util.function.Supplier<T> ddl) {
        for (ColumnSpec spec : specs) {
            try {
                dialect.sqlType(spec.schema());
            } catch (RuntimeException e) {
                throw new DataException("Field '" + spec.name() + "' (" + spec.schema().type() + ") cannot be stored in a "
                        + dialect.name() + " column of table " + group.table() + ": " + e.getMessage(), e);
            }
        }
        try {
            return ddl.get();
        } catch (RuntimeException e) {
            throw new DataException("Cannot define the columns of " + group.table() + ": " + e.getMessage(), e);
        }
    }
}
