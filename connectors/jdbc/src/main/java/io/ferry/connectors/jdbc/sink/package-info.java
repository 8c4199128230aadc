/**
 * The JDBC sink connector: writes Kafka records into PostgreSQL, MariaDB/MySQL or SQLite tables.
 *
 * <p>A put batch flows through small collaborators: {@link io.ferry.connectors.jdbc.sink.RecordRowMapper}
 * turns each record into a {@link io.ferry.connectors.jdbc.sink.SinkRow} (key and value columns per
 * {@code pk.mode}); a {@link io.ferry.connectors.jdbc.sink.TableBuffer} per table de-duplicates rows by key;
 * {@link io.ferry.connectors.jdbc.sink.TableStructureManager} creates and evolves tables;
 * {@link io.ferry.connectors.jdbc.sink.BatchWriter} writes each group of rows with multi-row statements
 * or PostgreSQL's COPY, bisecting a failing group to find the rows the database refuses. The whole batch
 * is one database transaction, committed before {@code put} returns.
 */
package io.ferry.connectors.jdbc.sink;
