/**
 * {@code ferry schemas}: a client of a schema registry's REST API (Ferry's registry or Confluent
 * Schema Registry alike) that lists, shows, registers, checks, compares and deletes schemas and sets
 * compatibility levels. It speaks only HTTP and JSON and knows nothing of Ferry's registry code.
 */
package io.ferry.cli.schemas;
