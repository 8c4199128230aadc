/**
 * The registry client: {@link io.ferry.serde.client.RegistryClient} over Confluent Schema Registry's
 * REST API on {@code java.net.http}, with caches (id → schema, subject and schema → id and version,
 * latest version with a time to live), several URLs with failover, retries with backoff, basic
 * authentication and TLS. Errors are {@link io.ferry.serde.client.RegistryClientException}s carrying
 * the HTTP status and the registry's {@code error_code}.
 *
 * <p>The client is generic over schema types: it moves schema text, type and references and parses
 * nothing.
 */
package io.ferry.serde.client;
