/**
 * The JDBC sink connector: writes Kafka records into PostgreSQL, MariaDB/MySQL or SQLite tables.
 *
 * <p>A put batch flows through small collaborators: {@link io.ferry.connectors.jdbc.sink.RecordRowMapper}
 * turns each record into a {@link io.ferry.connectors.jdbc.sink.SinkRow} (key and value columns per
 * {@code pk.mode}); a {@link io.ferry.connectors.jdbc.sink.TableBuffer} per table de-duplicates rows by key
 * and groups them by columns; {@link io.ferry.connectors.jdbc.sink.WriteAhead} hands the batch to a writer
 * thread, where {@link io.ferry.connectors.jdbc.sink.TableStructureManager} creates and evolves tables and
 * {@link io.ferry.connectors.jdbc.sink.BatchWriter} writes each group through PostgreSQL's COPY
 * ({@link io.ferry.connectors.jdbc.sink.PostgresCopyWriter}, in the binary format where every column allows,
 * else text) or the fewest statements
 * ({@link io.ferry.connectors.jdbc.sink.StatementExecutor}), with
 * {@link io.ferry.connectors.jdbc.sink.BatchSplitter} bisecting a refused group to find the rows the
 * database refuses. A batch is one database transaction; the task's {@code flush} waits for its commit.
 */
package io.ferry.connectors.jdbc.sink;
