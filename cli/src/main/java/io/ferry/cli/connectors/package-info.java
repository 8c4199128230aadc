/**
 * {@code ferry connectors}: a client of Kafka Connect's REST API (Ferry's worker or Apache Kafka
 * Connect alike) that lists, creates, applies pipeline files to and controls connectors. It speaks
 * only HTTP and JSON and knows nothing of Ferry's runtime.
 */
package io.ferry.cli.connectors;
