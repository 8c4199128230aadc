package io.ferry.connectors.jdbc.dialect;

import java.util.List;

/**
 * What the three dialects write alike: quoted identifiers and the sink's statements, built by one
 * {@link SqlStatements} on the dialect's quote character, literals and {@link #sqlType}. A dialect
 * overrides only what its database says differently (MariaDB's upsert).
 */
abstract class SqlTextDialect implements JdbcDialect {
    protected final SqlIdentifiers identifiers;
    protected final SqlStatements statements;

    SqlTextDialect(char quote, SqlLiterals literals) {
        this.identifiers = new SqlIdentifiers(quote);
        // sqlType is called when a statement is built, never during construction.
        this.statements = new SqlStatements(identifiers, literals, this::sqlType);
    }

    @Override
    public String quote(String identifier) {
        return identifiers.quote(identifier);
    }

    @Override
    public String qualified(TableId table) {
        return identifiers.qualified(table);
    }

    @Override
    public String createTable(TableId table, List<ColumnSpec> columns, WriteOptions options) {
        return statements.createTable(table, columns, options.timeZone());
    }

    @Override
    public List<String> addColumns(TableId table, List<ColumnSpec> columns, WriteOptions options) {
        return statements.addColumns(table, columns, options.timeZone());
    }

    @Override
    public String insert(TableId table, List<String> columns, int rows) {
        return statements.insert(table, columns, rows);
    }

    /** {@code INSERT … ON CONFLICT (keys) DO UPDATE SET v = EXCLUDED.v}, or {@code DO NOTHING} without value columns. */
    @Override
    public String upsert(TableId table, List<String> keyColumns, List<String> valueColumns, int rows) {
        return statements.upsertOnConflict(table, keyColumns, valueColumns, rows);
    }

    @Override
    public String update(TableId table, List<String> keyColumns, List<String> valueColumns) {
        return statements.update(table, keyColumns, valueColumns);
    }

    @Override
    public String delete(TableId table, List<String> keyColumns, int rows) {
        return statements.delete(table, keyColumns, rows);
    }
}
