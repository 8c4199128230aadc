/**
 * {@code ferry quickstart}: the whole idea in one command — a table streamed through Kafka under a
 * registered schema into another database, then a schema change accepted and one refused.
 */
package io.ferry.cli.quickstart;
