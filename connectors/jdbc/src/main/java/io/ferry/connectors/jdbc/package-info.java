/**
 * Ferry's JDBC connectors for PostgreSQL, MariaDB/MySQL and SQLite, written against connect-api only:
 * {@link io.ferry.connectors.jdbc.source} reads tables into topics, {@link io.ferry.connectors.jdbc.sink}
 * writes topics into tables, {@link io.ferry.connectors.jdbc.dialect} holds what differs between the
 * databases and {@link io.ferry.connectors.jdbc.connection} opens connections.
 */
package io.ferry.connectors.jdbc;
