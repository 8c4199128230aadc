/**
 * What differs between databases: identifiers, catalog queries, the type mappings both ways, the
 * statements the sink writes with, and how a query streams. One {@link io.ferry.connectors.jdbc.dialect.JdbcDialect}
 * per database.
 */
package io.ferry.connectors.jdbc.dialect;
