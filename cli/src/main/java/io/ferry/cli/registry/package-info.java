/** {@code ferry registry}: a schema registry node on a local log or on a Kafka topic. */
package io.ferry.cli.registry;
