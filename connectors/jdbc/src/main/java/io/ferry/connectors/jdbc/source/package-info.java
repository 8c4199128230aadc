/**
 * The JDBC source connector: copies tables, or one custom query, into topics with Confluent's settings
 * and offsets ({@link io.ferry.connectors.jdbc.source.JdbcSourceConnector}, its task and its config).
 *
 * <p>Inside: a {@link io.ferry.connectors.jdbc.source.TableMonitor} keeps the table list; a task runs one
 * {@link io.ferry.connectors.jdbc.source.Querier} per table, which streams its query's result and asks its
 * mode's {@link io.ferry.connectors.jdbc.source.Criteria} for the SQL conditions and each record's offset;
 * {@link io.ferry.connectors.jdbc.source.RowConverter} turns rows into Structs through the dialect's
 * mapping; {@link io.ferry.connectors.jdbc.source.OffsetCodec} writes and reads Confluent's offset shapes.
 */
package io.ferry.connectors.jdbc.source;
