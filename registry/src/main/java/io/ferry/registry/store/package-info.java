/**
 * The registry's state as a state machine over a log.
 *
 * <p>Every change is a {@link io.ferry.registry.store.RegistryRecord}: a key (what it is about) and
 * a value (its new state, or {@code null} to remove it), exactly the records of Confluent's
 * {@code _schemas} topic. A {@link io.ferry.registry.store.RegistryLog} appends records durably and
 * replays them; every node applies them in log order to its {@link io.ferry.registry.store.RegistryIndex}
 * and answers reads from it. Two backends share the records and their encoding:
 * {@code local} (a checksummed file) and {@code kafka} (the compacted {@code _schemas} topic).
 *
 * <p>Nothing here knows HTTP.
 */
package io.ferry.registry.store;
