/** {@code ferry dev}: Kafka, the schema registry and a Connect worker in one process, for a laptop. */
package io.ferry.cli.dev;
