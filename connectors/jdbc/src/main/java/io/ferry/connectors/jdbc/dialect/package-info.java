/**
 * What differs between databases: identifiers, catalog queries, the type mappings both ways, the
 * statements the sink writes with, and how a query streams. One {@link io.ferry.connectors.jdbc.dialect.JdbcDialect}
 * per database ({@code PostgresDialect}, {@code MariaDbDialect}, {@code SqliteDialect}), chosen by
 * {@link io.ferry.connectors.jdbc.dialect.JdbcDialects#forUrl(String)}.
 *
 * <p>The dialects share code by composition, through small package-private helpers: {@code SqlIdentifiers}
 * (quoting, name parsing), {@code SqlStatements} (statement text), {@code SqlLiterals} (DEFAULT values),
 * {@code CatalogReader} (JDBC metadata), {@code ColumnReaders} and {@code NumericMapper} (reading),
 * {@code ConnectValueBinder} and {@code SchemalessValues} (binding), {@code TemporalValues} (date/time
 * conversions), {@link io.ferry.connectors.jdbc.dialect.DebeziumType} (Debezium's semantic types by schema
 * name, and their values), plus {@code PostgresArrays}, {@code PostgresTypes}, {@code PostgresColumnTypes} and
 * {@code SqliteTypes} for what only one database has.
 * docs/connectors/jdbc.md (Type mappings) describes the mappings for users.
 */
package io.ferry.connectors.jdbc.dialect;
