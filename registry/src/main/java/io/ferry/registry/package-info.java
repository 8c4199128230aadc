/**
 * Ferry's schema registry: a state machine over a log that speaks Confluent Schema Registry's
 * REST API.
 *
 * <ul>
 *   <li>{@code schema}: per-type parsing, canonical form, normalisation, references;</li>
 *   <li>{@code compat}: compatibility levels and per-type checkers with structured results;</li>
 *   <li>{@code store}: the events, the two log backends (local file, Kafka topic) and the in-memory index;</li>
 *   <li>{@code service}: the registry's operations and rules (ids, versions, deletes, modes), with errors as
 *       typed exceptions carrying Confluent's error codes;</li>
 *   <li>{@code cluster}: leader election through Kafka group membership and forwarding of writes;</li>
 *   <li>{@code rest}: the HTTP adapter, the only package that knows HTTP.</li>
 * </ul>
 */
package io.ferry.registry;
