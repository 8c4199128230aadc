/**
 * The registry's operations and their rules — ids, versions, soft and permanent deletes,
 * compatibility, modes, config precedence — as Confluent Schema Registry defines them.
 *
 * <p>Reads come from the {@link io.ferry.registry.store.RegistryIndex}; writes are validated
 * against it and appended to the {@link io.ferry.registry.store.RegistryLog} one at a time.
 * Failures are {@link io.ferry.registry.service.RegistryException}s carrying Confluent's error
 * codes, all made in {@link io.ferry.registry.service.RegistryErrors}. Nothing here knows HTTP.
 */
package io.ferry.registry.service;
